namespace WeProtect.Summit.Tests.Accreditation;

/// <summary>Every test of <see cref="VisaLetterWithdrawalTests"/> again with the app's mail going through a real SMTP server (STARTTLS,
/// AUTH; see <see cref="SmtpAppFactory"/>): withdrawn and refused letters of invitation are mailed once, in the delegate's language.</summary>
public sealed class VisaLetterWithdrawalOverSmtpTests(SmtpAppFactory app) : VisaLetterWithdrawalTests(app), IClassFixture<SmtpAppFactory>;
