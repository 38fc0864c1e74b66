namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>Every test of <see cref="BreakoutManageTests"/> again with the app's mail going through a real SMTP server (STARTTLS,
/// AUTH; see <see cref="SmtpAppFactory"/>): "breakout moved" letters reach the server with the right recipient, subject and links.</summary>
public sealed class BreakoutManageOverSmtpTests(SmtpAppFactory app) : BreakoutManageTests(app), IClassFixture<SmtpAppFactory>;
