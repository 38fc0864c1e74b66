namespace WeProtect.Summit.Tests.Invitations;

/// <summary>Every test of <see cref="DelegationVisaLetterTests"/> again with the app's mail going through a real SMTP server (STARTTLS,
/// AUTH; see <see cref="SmtpAppFactory"/>): a visa letter asked for by a focal point is announced to the member and to the focal point, each once.</summary>
public sealed class DelegationVisaLetterOverSmtpTests(SmtpAppFactory app) : DelegationVisaLetterTests(app), IClassFixture<SmtpAppFactory>;
