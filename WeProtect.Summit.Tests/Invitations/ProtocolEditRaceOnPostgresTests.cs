namespace WeProtect.Summit.Tests.Invitations;

/// <summary><see cref="ProtocolEditRaceChecks"/> on PostgreSQL, where writers really run at once.</summary>
public sealed class ProtocolEditRaceOnPostgresTests(PostgresAppFactory app) : ProtocolEditRaceChecks(app), IClassFixture<PostgresAppFactory>;
