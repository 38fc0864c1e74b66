namespace WeProtect.Summit.Tests.Security;

/// <summary><see cref="DoubleSubmitChecks"/> on SQLite, which takes one writer at a time.</summary>
public sealed class DoubleSubmitTests(SummitAppFactory app, Xunit.Abstractions.ITestOutputHelper output)
    : DoubleSubmitChecks(app, output), IClassFixture<SummitAppFactory>;
