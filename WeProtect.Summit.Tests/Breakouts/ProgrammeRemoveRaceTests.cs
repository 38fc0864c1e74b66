namespace WeProtect.Summit.Tests.Breakouts;

/// <summary><see cref="ProgrammeRemoveRaceChecks"/> on SQLite, which takes one writer at a time.</summary>
public sealed class ProgrammeRemoveRaceTests(SummitAppFactory app) : ProgrammeRemoveRaceChecks(app), IClassFixture<SummitAppFactory>;
