namespace WeProtect.Summit.Tests.Breakouts;

/// <summary><see cref="RoomClashRaceChecks"/> on SQLite, which takes one writer at a time.</summary>
public sealed class RoomClashRaceTests(SummitAppFactory app) : RoomClashRaceChecks(app), IClassFixture<SummitAppFactory>;
