namespace WeProtect.Summit.Tests.Breakouts;

/// <summary><see cref="ProgrammeNameRaceChecks"/> on PostgreSQL, where writers really run at once.</summary>
public sealed class ProgrammeNameRaceOnPostgresTests(PostgresAppFactory app) : ProgrammeNameRaceChecks(app), IClassFixture<PostgresAppFactory>;
