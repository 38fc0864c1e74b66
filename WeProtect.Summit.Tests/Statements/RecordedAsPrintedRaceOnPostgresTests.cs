namespace WeProtect.Summit.Tests.Statements;

/// <summary><see cref="RecordedAsPrintedRaceTests"/> again on PostgreSQL, where the posts really run at once. See <see cref="PostgresAppFactory"/>.</summary>
[Collection(LoadCollection.Name)]
public sealed class RecordedAsPrintedRaceOnPostgresTests(PostgresAppFactory app) : RecordedAsPrintedRaceTests(app), IClassFixture<PostgresAppFactory>;
