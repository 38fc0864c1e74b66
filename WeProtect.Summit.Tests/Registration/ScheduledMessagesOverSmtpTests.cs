namespace WeProtect.Summit.Tests.Registration;

/// <summary>Every test of <see cref="ScheduledMessagesTests"/> again with the app's mail going through a real SMTP server (STARTTLS,
/// AUTH; see <see cref="SmtpAppFactory"/>): scheduled messages go once, when due, to the delegates chosen.</summary>
public sealed class ScheduledMessagesOverSmtpTests(SmtpAppFactory app) : ScheduledMessagesTests(app), IClassFixture<SmtpAppFactory>;
