namespace WeProtect.Summit.Tests.Statements;

/// <summary>Every test of <see cref="AmendmentDecisionTests"/> again with the app's mail going through a real SMTP server (STARTTLS,
/// AUTH; see <see cref="SmtpAppFactory"/>): amendment decisions reach the server with the right recipient, subject and links.</summary>
public sealed class AmendmentDecisionOverSmtpTests(SmtpAppFactory app) : AmendmentDecisionTests(app), IClassFixture<SmtpAppFactory>;
