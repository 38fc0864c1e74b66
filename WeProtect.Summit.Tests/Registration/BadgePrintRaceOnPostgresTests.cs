namespace WeProtect.Summit.Tests.Registration;

/// <summary>Every test of <see cref="BadgePrintRaceTests"/> again on PostgreSQL, where writers really run at once
/// (SQLite serialises them). See <see cref="PostgresAppFactory"/>.</summary>
public sealed class BadgePrintRaceOnPostgresTests(PostgresAppFactory app) : BadgePrintRaceTests(app), IClassFixture<PostgresAppFactory>;
