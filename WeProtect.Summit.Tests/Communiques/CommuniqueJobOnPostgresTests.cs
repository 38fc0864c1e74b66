using WeProtect.Summit.Tests.Support;

namespace WeProtect.Summit.Tests.Communiques;

/// <summary>Every test of <see cref="CommuniqueJobTests"/> (one claim of a communiqué job) again on PostgreSQL, where writers really run at once
/// (SQLite serialises them). See <see cref="PostgresAppFactory"/>.</summary>
public sealed class CommuniqueJobOnPostgresTests(PostgresAppFactory app) : CommuniqueJobTests(app), IClassFixture<PostgresAppFactory>;
