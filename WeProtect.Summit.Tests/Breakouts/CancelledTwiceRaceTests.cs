namespace WeProtect.Summit.Tests.Breakouts;

/// <summary><see cref="CancelledTwiceRaceChecks"/> on SQLite.</summary>
public sealed class CancelledTwiceRaceTests(SummitAppFactory app) : CancelledTwiceRaceChecks(app), IClassFixture<SummitAppFactory>;
