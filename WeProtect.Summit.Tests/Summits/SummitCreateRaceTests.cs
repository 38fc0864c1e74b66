namespace WeProtect.Summit.Tests.Summits;

/// <summary><see cref="SummitCreateRaceChecks"/> on SQLite, which takes one writer at a time.</summary>
public sealed class SummitCreateRaceTests(SummitAppFactory app) : SummitCreateRaceChecks(app), IClassFixture<SummitAppFactory>;
