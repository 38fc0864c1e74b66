using Xunit.Abstractions;

namespace WeProtect.Summit.Tests.Reporting;

/// <summary>Every test of <see cref="ReportingRaceTests"/> (a double submit submits once) again on PostgreSQL, where
/// writers really run at once (SQLite serialises them). See <see cref="PostgresAppFactory"/>.</summary>
[Collection(LoadCollection.Name)]
public sealed class ReportingRaceOnPostgresTests(PostgresAppFactory app, ITestOutputHelper output) : ReportingRaceTests(app, output), IClassFixture<PostgresAppFactory>;
