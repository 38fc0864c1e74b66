namespace WeProtect.Summit.Tests.Organisations;

/// <summary>Every test of <see cref="UniqueNameRaceTests"/> (a colleague's organisation saved between a page's check
/// and its own save is refused by the unique index, with a message) again on PostgreSQL, whose unique violation is
/// another exception than SQLite's. See <see cref="PostgresRaceAppFactory"/>.</summary>
public sealed class UniqueNameRaceOnPostgresTests(PostgresRaceAppFactory app) : UniqueNameRaceTests(app, app.Colleague), IClassFixture<PostgresRaceAppFactory>;
