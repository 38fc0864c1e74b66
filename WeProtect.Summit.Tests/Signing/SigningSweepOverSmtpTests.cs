namespace WeProtect.Summit.Tests.Signing;

/// <summary>Every test of <see cref="SigningSweepTests"/> again with the app's mail going through a real SMTP server (STARTTLS,
/// AUTH; see <see cref="SmtpAppFactory"/>): signing invitations and reminders reach the server with the right recipient, subject and links.</summary>
public sealed class SigningSweepOverSmtpTests(SmtpAppFactory app) : SigningSweepTests(app), IClassFixture<SmtpAppFactory>;
