namespace WeProtect.Summit.Tests.Breakouts;

/// <summary><see cref="RoomCapacityRaceChecks"/> on PostgreSQL, where writers really run at once.</summary>
public sealed class RoomCapacityRaceOnPostgresTests(PostgresAppFactory app) : RoomCapacityRaceChecks(app), IClassFixture<PostgresAppFactory>;
