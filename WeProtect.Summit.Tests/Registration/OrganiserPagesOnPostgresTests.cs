using WeProtect.Summit.Tests.Support;

namespace WeProtect.Summit.Tests.Registration;

/// <summary>Every test of <see cref="OrganiserPagesTests"/> (delegation quotas approved in parallel) again on PostgreSQL, where writers really run at once
/// (SQLite serialises them). See <see cref="PostgresAppFactory"/>.</summary>
public sealed class OrganiserPagesOnPostgresTests(PostgresAppFactory app) : OrganiserPagesTests(app), IClassFixture<PostgresAppFactory>;
