namespace WeProtect.Summit.Tests.Registration;

/// <summary><see cref="PromotionRaceChecks"/> on PostgreSQL, where the cancellation and the decision really run at once.</summary>
public sealed class PromotionRaceOnPostgresTests(PostgresAppFactory app) : PromotionRaceChecks(app), IClassFixture<PostgresAppFactory>;
