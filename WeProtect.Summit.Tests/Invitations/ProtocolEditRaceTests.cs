namespace WeProtect.Summit.Tests.Invitations;

/// <summary><see cref="ProtocolEditRaceChecks"/> on SQLite, which takes one writer at a time.</summary>
public sealed class ProtocolEditRaceTests(SummitAppFactory app) : ProtocolEditRaceChecks(app), IClassFixture<SummitAppFactory>;
