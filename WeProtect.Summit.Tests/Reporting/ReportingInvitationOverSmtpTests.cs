namespace WeProtect.Summit.Tests.Reporting;

/// <summary>Every test of <see cref="ReportingInvitationTests"/> again with the app's mail going through a real SMTP server (STARTTLS,
/// AUTH; see <see cref="SmtpAppFactory"/>): invitations to report reach each focal point once, with the window and the link to the report.</summary>
public sealed class ReportingInvitationOverSmtpTests(SmtpAppFactory app) : ReportingInvitationTests(app), IClassFixture<SmtpAppFactory>;
