namespace WeProtect.Summit.Tests.Admin;

/// <summary><see cref="RoleRaceChecks"/> on PostgreSQL, where writers really run at once.</summary>
public sealed class RoleRaceOnPostgresTests(PostgresAppFactory app) : RoleRaceChecks(app), IClassFixture<PostgresAppFactory>;
