namespace WeProtect.Summit.Tests.Breakouts;

/// <summary><see cref="ProgrammeRemoveRaceChecks"/> on PostgreSQL, where writers really run at once.</summary>
public sealed class ProgrammeRemoveRaceOnPostgresTests(PostgresAppFactory app) : ProgrammeRemoveRaceChecks(app), IClassFixture<PostgresAppFactory>;
