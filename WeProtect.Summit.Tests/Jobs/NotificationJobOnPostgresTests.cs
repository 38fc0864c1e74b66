using WeProtect.Summit.Tests.Support;

namespace WeProtect.Summit.Tests.Jobs;

/// <summary>Every test of <see cref="NotificationJobTests"/> (one e-mail per notification) again on PostgreSQL, where writers really run at once
/// (SQLite serialises them). See <see cref="PostgresAppFactory"/>.</summary>
public sealed class NotificationJobOnPostgresTests(PostgresAppFactory app) : NotificationJobTests(app), IClassFixture<PostgresAppFactory>;
