namespace WeProtect.Summit.Tests.Breakouts;

/// <summary><see cref="CancelledTwiceRaceChecks"/> on PostgreSQL, where writers really run at once.</summary>
public sealed class CancelledTwiceRaceOnPostgresTests(PostgresAppFactory app) : CancelledTwiceRaceChecks(app), IClassFixture<PostgresAppFactory>;
