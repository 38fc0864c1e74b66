namespace WeProtect.Summit.Tests.Invitations;

/// <summary>Every test of <see cref="NominationRaceTests"/> again on PostgreSQL, where writers really run at once.</summary>
public sealed class NominationRaceOnPostgresTests(PostgresAppFactory app) : NominationRaceTests(app), IClassFixture<PostgresAppFactory>;
