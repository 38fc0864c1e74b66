namespace WeProtect.Summit.Tests.Registration;

/// <summary>Every test of <see cref="OrganiserPagesTests"/> again with the app's mail going through a real SMTP server (STARTTLS,
/// AUTH; see <see cref="SmtpAppFactory"/>): registration decisions (approved, waiting list, not accepted, promoted) reach the server with the right recipient, subject and links.</summary>
public sealed class OrganiserPagesOverSmtpTests(SmtpAppFactory app) : OrganiserPagesTests(app), IClassFixture<SmtpAppFactory>;
