using WeProtect.Summit.Tests.Support;
using Xunit.Abstractions;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>Every test of <see cref="BookingRaceTests"/> (100 delegates booking the last seat at once) again on PostgreSQL, where writers really run at once
/// (SQLite serialises them). See <see cref="PostgresAppFactory"/>.</summary>
[Collection(LoadCollection.Name)]
public sealed class BookingRaceOnPostgresTests(PostgresAppFactory app, ITestOutputHelper output) : BookingRaceTests(app, output), IClassFixture<PostgresAppFactory>;
