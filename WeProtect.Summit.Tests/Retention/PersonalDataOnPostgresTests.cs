namespace WeProtect.Summit.Tests.Retention;

/// <summary>Every test of <see cref="PersonalDataTests"/> again on PostgreSQL (the account's erasure and the export's queries).</summary>
public sealed class PersonalDataOnPostgresTests(PostgresAppFactory app) : PersonalDataTests(app), IClassFixture<PostgresAppFactory>;
