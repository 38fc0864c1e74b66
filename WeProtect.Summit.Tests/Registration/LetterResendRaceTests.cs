namespace WeProtect.Summit.Tests.Registration;

/// <summary><see cref="LetterResendRaceChecks"/> on SQLite.</summary>
public sealed class LetterResendRaceTests(HeldLettersApp app) : LetterResendRaceChecks(app), IClassFixture<HeldLettersApp>;
