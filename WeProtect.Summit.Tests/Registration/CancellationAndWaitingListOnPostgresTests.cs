namespace WeProtect.Summit.Tests.Registration;

/// <summary>Every test of <see cref="CancellationAndWaitingListTests"/> (a place or seat given back goes to the head of
/// its waiting list, once) again on PostgreSQL, where the conditional updates that claim a place run with real
/// concurrency. See <see cref="PostgresAppFactory"/>.</summary>
public sealed class CancellationAndWaitingListOnPostgresTests(PostgresAppFactory app) : CancellationAndWaitingListTests(app), IClassFixture<PostgresAppFactory>;
