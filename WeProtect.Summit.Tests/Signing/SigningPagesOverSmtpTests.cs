namespace WeProtect.Summit.Tests.Signing;

/// <summary>Every test of <see cref="SigningPagesTests"/> again with the app's mail going through a real SMTP server (STARTTLS,
/// AUTH; see <see cref="SmtpAppFactory"/>): endorsement receipts reach the server with the right recipient, subject and links.</summary>
public sealed class SigningPagesOverSmtpTests(SmtpAppFactory app) : SigningPagesTests(app), IClassFixture<SmtpAppFactory>;
