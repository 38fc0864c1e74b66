namespace WeProtect.Summit.Tests.Registration;

/// <summary><see cref="TravelRaceChecks"/> on SQLite, which takes one writer at a time.</summary>
public sealed class TravelRaceTests(SummitAppFactory app) : TravelRaceChecks(app), IClassFixture<SummitAppFactory>;
