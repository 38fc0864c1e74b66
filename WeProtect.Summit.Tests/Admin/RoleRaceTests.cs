namespace WeProtect.Summit.Tests.Admin;

/// <summary><see cref="RoleRaceChecks"/> on SQLite, which takes one writer at a time.</summary>
public sealed class RoleRaceTests(SummitAppFactory app) : RoleRaceChecks(app), IClassFixture<SummitAppFactory>;
