namespace WeProtect.Summit.Tests.Registration;

/// <summary><see cref="CorrectionRaceChecks"/> on PostgreSQL, where writers really run at once.</summary>
public sealed class CorrectionRaceOnPostgresTests(PostgresAppFactory app) : CorrectionRaceChecks(app), IClassFixture<PostgresAppFactory>;
