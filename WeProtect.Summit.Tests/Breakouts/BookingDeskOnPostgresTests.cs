using WeProtect.Summit.Tests.Support;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>Every test of <see cref="BookingDeskTests"/> (the last seat and the waiting list in order) again on PostgreSQL, where writers really run at once
/// (SQLite serialises them). See <see cref="PostgresAppFactory"/>.</summary>
public sealed class BookingDeskOnPostgresTests(PostgresAppFactory app) : BookingDeskTests(app), IClassFixture<PostgresAppFactory>;
