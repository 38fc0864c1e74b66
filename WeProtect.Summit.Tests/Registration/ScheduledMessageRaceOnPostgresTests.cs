namespace WeProtect.Summit.Tests.Registration;

/// <summary>Every test of <see cref="ScheduledMessageRaceTests"/> again on PostgreSQL, where writers really run at once
/// (SQLite serialises them). See <see cref="PostgresAppFactory"/>.</summary>
public sealed class ScheduledMessageRaceOnPostgresTests(PostgresAppFactory app) : ScheduledMessageRaceTests(app), IClassFixture<PostgresAppFactory>;
