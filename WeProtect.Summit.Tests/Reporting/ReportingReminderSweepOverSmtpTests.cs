namespace WeProtect.Summit.Tests.Reporting;

/// <summary>Every test of <see cref="ReportingReminderSweepChecks"/> again with the app's mail going through a real SMTP server (STARTTLS,
/// AUTH; see <see cref="SmtpAppFactory"/>): the sweep's reminders reach the server, once per focal point.</summary>
public sealed class ReportingReminderSweepOverSmtpTests(DefaultReminderSmtpApp app) : ReportingReminderSweepChecks(app), IClassFixture<DefaultReminderSmtpApp>;
