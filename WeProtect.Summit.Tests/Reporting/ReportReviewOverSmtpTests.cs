namespace WeProtect.Summit.Tests.Reporting;

/// <summary>Every test of <see cref="ReportReviewTests"/> again with the app's mail going through a real SMTP server (STARTTLS,
/// AUTH; see <see cref="SmtpAppFactory"/>): the secretariat's clarification reaches the focal point with its question.</summary>
public sealed class ReportReviewOverSmtpTests(SmtpAppFactory app) : ReportReviewTests(app), IClassFixture<SmtpAppFactory>;
