namespace WeProtect.Summit.Tests.Retention;

/// <summary><see cref="ErasureRequestRaceChecks"/> on PostgreSQL, where writers really run at once.</summary>
public sealed class ErasureRequestRaceOnPostgresTests(PostgresAppFactory app) : ErasureRequestRaceChecks(app), IClassFixture<PostgresAppFactory>;
