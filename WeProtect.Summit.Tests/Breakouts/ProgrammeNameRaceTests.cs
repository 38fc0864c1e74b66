namespace WeProtect.Summit.Tests.Breakouts;

/// <summary><see cref="ProgrammeNameRaceChecks"/> on SQLite, which takes one writer at a time.</summary>
public sealed class ProgrammeNameRaceTests(SummitAppFactory app) : ProgrammeNameRaceChecks(app), IClassFixture<SummitAppFactory>;
