using WeProtect.Summit.Tests.Support;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>Every test of <see cref="BreakoutCancelRaceTests"/> again on PostgreSQL, where writers really run at once.</summary>
public sealed class BreakoutCancelRaceOnPostgresTests(PostgresAppFactory app) : BreakoutCancelRaceTests(app), IClassFixture<PostgresAppFactory>;
