namespace WeProtect.Summit.Tests.Invitations;

/// <summary>Every test of <see cref="QuotaEditRaceTests"/> again on PostgreSQL, where writers really run at once.</summary>
public sealed class QuotaEditRaceOnPostgresTests(PostgresAppFactory app) : QuotaEditRaceTests(app), IClassFixture<PostgresAppFactory>;
