using WeProtect.Summit.Tests.Support;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>Every test of <see cref="AmendmentDecisionTests"/> (parallel acceptance of amendments) again on PostgreSQL, where writers really run at once
/// (SQLite serialises them). See <see cref="PostgresAppFactory"/>.</summary>
public sealed class AmendmentDecisionOnPostgresTests(PostgresAppFactory app) : AmendmentDecisionTests(app), IClassFixture<PostgresAppFactory>;
