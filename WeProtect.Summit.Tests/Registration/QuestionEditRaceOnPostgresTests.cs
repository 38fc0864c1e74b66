namespace WeProtect.Summit.Tests.Registration;

/// <summary>Every test of <see cref="QuestionEditRaceTests"/> again on PostgreSQL, where the two saves really run at once
/// (SQLite serialises writers). See <see cref="PostgresAppFactory"/>.</summary>
public sealed class QuestionEditRaceOnPostgresTests(PostgresAppFactory app) : QuestionEditRaceTests(app), IClassFixture<PostgresAppFactory>;
