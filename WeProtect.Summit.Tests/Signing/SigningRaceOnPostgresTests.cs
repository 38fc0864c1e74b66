using WeProtect.Summit.Tests.Support;
using Xunit.Abstractions;

namespace WeProtect.Summit.Tests.Signing;

/// <summary>Every test of <see cref="SigningRaceTests"/> (parallel signatures: one live endorsement per organisation) again on PostgreSQL, where writers really run at once
/// (SQLite serialises them). See <see cref="PostgresAppFactory"/>.</summary>
[Collection(LoadCollection.Name)]
public sealed class SigningRaceOnPostgresTests(PostgresAppFactory app, ITestOutputHelper output) : SigningRaceTests(app, output), IClassFixture<PostgresAppFactory>;
