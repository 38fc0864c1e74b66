namespace WeProtect.Summit.Tests.Communiques;

/// <summary><see cref="RevisionRaceTests"/> on PostgreSQL, where the organisers' requests really run at once.</summary>
public sealed class RevisionRaceOnPostgresTests(PostgresAppFactory app) : RevisionRaceTests(app), IClassFixture<PostgresAppFactory>;
