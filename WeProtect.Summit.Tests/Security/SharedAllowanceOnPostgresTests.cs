namespace WeProtect.Summit.Tests.Security;

/// <summary><see cref="SharedAllowanceTests"/> on PostgreSQL, where the two nodes' conditional updates really run at once.</summary>
public sealed class SharedAllowanceOnPostgresTests(PostgresAppFactory app) : SharedAllowanceTests(app), IClassFixture<PostgresAppFactory>;
