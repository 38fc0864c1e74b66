namespace WeProtect.Summit.Tests.Retention;

/// <summary><see cref="ErasureRequestRaceChecks"/> on SQLite, which takes one writer at a time.</summary>
public sealed class ErasureRequestRaceTests(SummitAppFactory app) : ErasureRequestRaceChecks(app), IClassFixture<SummitAppFactory>;
