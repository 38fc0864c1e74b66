namespace WeProtect.Summit.Tests.Registration;

/// <summary>Every test of <see cref="MessagesTests"/> again with the app's mail going through a real SMTP server (STARTTLS,
/// AUTH; see <see cref="SmtpAppFactory"/>): the secretariat's messages reach each chosen delegate once, placeholders filled in for them.</summary>
public sealed class MessagesOverSmtpTests(SmtpAppFactory app) : MessagesTests(app), IClassFixture<SmtpAppFactory>;
