namespace WeProtect.Summit.Tests.Invitations;

/// <summary>Every test of <see cref="InvitationLifecycleTests"/> again with the app's mail going through a real SMTP server (STARTTLS,
/// AUTH; see <see cref="SmtpAppFactory"/>): invitations, their reminders and nominations reach the server with the right recipient, subject and link, and the links open.</summary>
public sealed class InvitationLifecycleOverSmtpTests(SmtpAppFactory app) : InvitationLifecycleTests(app), IClassFixture<SmtpAppFactory>;
