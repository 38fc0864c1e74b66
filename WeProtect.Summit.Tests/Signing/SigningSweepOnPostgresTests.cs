using WeProtect.Summit.Tests.Support;

namespace WeProtect.Summit.Tests.Signing;

/// <summary>Every test of <see cref="SigningSweepTests"/> (the signing sweep: invitations, reminders and the window closed once) again on PostgreSQL, where writers really run at once
/// (SQLite serialises them). See <see cref="PostgresAppFactory"/>.</summary>
public sealed class SigningSweepOnPostgresTests(PostgresAppFactory app) : SigningSweepTests(app), IClassFixture<PostgresAppFactory>;
