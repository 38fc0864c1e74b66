namespace WeProtect.Summit.Tests.Registration;

/// <summary><see cref="LetterResendRaceChecks"/> on PostgreSQL, where writers really run at once.</summary>
public sealed class LetterResendRaceOnPostgresTests(HeldLettersOnPostgresApp app) : LetterResendRaceChecks(app), IClassFixture<HeldLettersOnPostgresApp>;
