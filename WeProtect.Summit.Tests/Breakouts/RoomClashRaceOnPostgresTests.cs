namespace WeProtect.Summit.Tests.Breakouts;

/// <summary><see cref="RoomClashRaceChecks"/> on PostgreSQL, where writers really run at once.</summary>
public sealed class RoomClashRaceOnPostgresTests(PostgresAppFactory app) : RoomClashRaceChecks(app), IClassFixture<PostgresAppFactory>;
