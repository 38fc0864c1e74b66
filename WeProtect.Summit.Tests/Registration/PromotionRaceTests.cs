namespace WeProtect.Summit.Tests.Registration;

/// <summary><see cref="PromotionRaceChecks"/> on SQLite, which takes one writer at a time.</summary>
public sealed class PromotionRaceTests(SummitAppFactory app) : PromotionRaceChecks(app), IClassFixture<SummitAppFactory>;
