namespace WeProtect.Summit.Tests.Retention;

/// <summary>Every test of <see cref="RetentionSweepTests"/> again on PostgreSQL: the catalogue's conditional updates
/// (string concatenation with ids, filters over several tables) are SQL that each provider writes its own way.</summary>
public sealed class RetentionSweepOnPostgresTests(PostgresAppFactory app) : RetentionSweepTests(app), IClassFixture<PostgresAppFactory>;
