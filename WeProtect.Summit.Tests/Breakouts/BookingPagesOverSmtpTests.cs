namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>Every test of <see cref="BookingPagesTests"/> again with the app's mail going through a real SMTP server (STARTTLS,
/// AUTH; see <see cref="SmtpAppFactory"/>): seat confirmations and promotions reach the server with the right recipient, subject and links.</summary>
public sealed class BookingPagesOverSmtpTests(SmtpAppFactory app) : BookingPagesTests(app), IClassFixture<SmtpAppFactory>;
