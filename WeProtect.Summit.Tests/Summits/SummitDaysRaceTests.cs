namespace WeProtect.Summit.Tests.Summits;

/// <summary><see cref="SummitDaysRaceChecks"/> on SQLite, which takes one writer at a time.</summary>
public sealed class SummitDaysRaceTests(SummitAppFactory app) : SummitDaysRaceChecks(app), IClassFixture<SummitAppFactory>;
