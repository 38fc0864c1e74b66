namespace WeProtect.Summit.Tests.Summits;

/// <summary><see cref="SummitDaysRaceChecks"/> on PostgreSQL, where writers really run at once.</summary>
public sealed class SummitDaysRaceOnPostgresTests(PostgresAppFactory app) : SummitDaysRaceChecks(app), IClassFixture<PostgresAppFactory>;
