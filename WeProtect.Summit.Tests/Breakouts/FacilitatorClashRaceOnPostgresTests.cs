namespace WeProtect.Summit.Tests.Breakouts;

/// <summary><see cref="FacilitatorClashRaceChecks"/> on PostgreSQL, where writers really run at once.</summary>
public sealed class FacilitatorClashRaceOnPostgresTests(PostgresAppFactory app) : FacilitatorClashRaceChecks(app), IClassFixture<PostgresAppFactory>;
