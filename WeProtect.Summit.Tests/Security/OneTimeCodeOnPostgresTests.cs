namespace WeProtect.Summit.Tests.Security;

/// <summary>Every test of <see cref="OneTimeCodeTests"/> (one code claimed by two requests at once is accepted once) again
/// on PostgreSQL, where the two conditional updates really run at once (SQLite serialises them). See
/// <see cref="PostgresAppFactory"/>.</summary>
public sealed class OneTimeCodeOnPostgresTests(PostgresAppFactory app) : OneTimeCodeTests(app), IClassFixture<PostgresAppFactory>;
