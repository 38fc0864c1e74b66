namespace WeProtect.Summit.Tests.Registration;

/// <summary><see cref="CorrectionRaceChecks"/> on SQLite, which takes one writer at a time.</summary>
public sealed class CorrectionRaceTests(SummitAppFactory app) : CorrectionRaceChecks(app), IClassFixture<SummitAppFactory>;
