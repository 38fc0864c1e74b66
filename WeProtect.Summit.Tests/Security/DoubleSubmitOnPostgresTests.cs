namespace WeProtect.Summit.Tests.Security;

/// <summary><see cref="DoubleSubmitChecks"/> on PostgreSQL, where the two posts really run at once.</summary>
public sealed class DoubleSubmitOnPostgresTests(PostgresAppFactory app, Xunit.Abstractions.ITestOutputHelper output)
    : DoubleSubmitChecks(app, output), IClassFixture<PostgresAppFactory>;
