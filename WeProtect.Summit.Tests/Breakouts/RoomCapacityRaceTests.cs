namespace WeProtect.Summit.Tests.Breakouts;

/// <summary><see cref="RoomCapacityRaceChecks"/> on SQLite, which takes one writer at a time.</summary>
public sealed class RoomCapacityRaceTests(SummitAppFactory app) : RoomCapacityRaceChecks(app), IClassFixture<SummitAppFactory>;
