namespace WeProtect.Summit.Tests.Registration;

/// <summary>Every test of <see cref="BulkDecisionRaceTests"/> again on PostgreSQL, where the two bulk decisions really
/// run at once (SQLite serialises writers). See <see cref="PostgresAppFactory"/>.</summary>
public sealed class BulkDecisionRaceOnPostgresTests(PostgresAppFactory app) : BulkDecisionRaceTests(app), IClassFixture<PostgresAppFactory>;
