namespace WeProtect.Summit.Tests.Summits;

/// <summary><see cref="SummitCreateRaceChecks"/> on PostgreSQL, where writers really run at once.</summary>
public sealed class SummitCreateRaceOnPostgresTests(PostgresAppFactory app) : SummitCreateRaceChecks(app), IClassFixture<PostgresAppFactory>;
