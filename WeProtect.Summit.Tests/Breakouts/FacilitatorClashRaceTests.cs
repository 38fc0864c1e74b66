namespace WeProtect.Summit.Tests.Breakouts;

/// <summary><see cref="FacilitatorClashRaceChecks"/> on SQLite.</summary>
public sealed class FacilitatorClashRaceTests(SummitAppFactory app) : FacilitatorClashRaceChecks(app), IClassFixture<SummitAppFactory>;
