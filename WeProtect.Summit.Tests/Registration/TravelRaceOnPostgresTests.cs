namespace WeProtect.Summit.Tests.Registration;

/// <summary><see cref="TravelRaceChecks"/> on PostgreSQL, where writers really run at once.</summary>
public sealed class TravelRaceOnPostgresTests(PostgresAppFactory app) : TravelRaceChecks(app), IClassFixture<PostgresAppFactory>;
