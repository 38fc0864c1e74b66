namespace WeProtect.Summit.Tests.Registration;

/// <summary>Every test of <see cref="DelegateRegistrationTests"/> again with the app's mail going through a real SMTP server (STARTTLS,
/// AUTH; see <see cref="SmtpAppFactory"/>): account confirmations and registration receipts reach the server with the right recipient, subject and links.</summary>
public sealed class DelegateRegistrationOverSmtpTests(SmtpAppFactory app) : DelegateRegistrationTests(app), IClassFixture<SmtpAppFactory>;
