namespace WeProtect.Summit.Tests.Reporting;

/// <summary>Every test of <see cref="PrivateReportTests"/> again on PostgreSQL, whose queries over the publication
/// snapshot (a stored choice, a nullable report key) are translated on their own. See <see cref="PostgresAppFactory"/>.</summary>
public sealed class PrivateReportOnPostgresTests(PostgresAppFactory app) : PrivateReportTests(app), IClassFixture<PostgresAppFactory>;
