namespace WeProtect.Summit.Tests.Reporting;

/// <summary>Every test of <see cref="ReportingPagesTests"/> (among them two focal points editing at once, and first
/// saves posted at once) again on PostgreSQL, where writers really run at once (SQLite serialises them). See
/// <see cref="PostgresAppFactory"/>.</summary>
public sealed class ReportingPagesOnPostgresTests(PostgresAppFactory app) : ReportingPagesTests(app), IClassFixture<PostgresAppFactory>;
