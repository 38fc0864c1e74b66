using WeProtect.Summit.Tests.Support;

namespace WeProtect.Summit.Tests.Registration;

/// <summary>Every test of <see cref="RegistrationDeskTests"/> (the last summit place) again on PostgreSQL, where writers really run at once
/// (SQLite serialises them). See <see cref="PostgresAppFactory"/>.</summary>
public sealed class RegistrationDeskOnPostgresTests(PostgresAppFactory app) : RegistrationDeskTests(app), IClassFixture<PostgresAppFactory>;
