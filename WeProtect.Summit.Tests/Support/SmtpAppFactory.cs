using Microsoft.AspNetCore.Hosting;

namespace WeProtect.Summit.Tests.Support;

/// <summary>The real app sending its mail through a real SMTP server (<see cref="TestSmtpServer"/>: STARTTLS, AUTH),
/// as production does, instead of the pick-up folder. <see cref="SentMail"/> reads what the server accepted, so a mail
/// test written against <see cref="SummitAppFactory"/> runs unchanged over SMTP in a derived class (e.g.
/// <c>BookingPagesOverSmtpTests</c>).</summary>
public class SmtpAppFactory : SummitAppFactory
{
    public TestSmtpServer Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:SmtpHost", "127.0.0.1");
        builder.UseSetting("Mail:SmtpPort", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:SmtpStartTls", "true");
        builder.UseSetting("Mail:SmtpUser", TestSmtpServer.User);
        builder.UseSetting("Mail:SmtpPassword", TestSmtpServer.Password);
        // The server's self-signed certificate, pinned: TLS is really checked, not switched off.
        builder.UseSetting("Mail:SmtpCertificateThumbprint", Smtp.Thumbprint);
        builder.UseSetting("Mail:SmtpTimeout", "00:00:10");
    }

    /// <summary>The messages the SMTP server accepted, in the order it accepted them.</summary>
    public override IReadOnlyList<MimeKit.MimeMessage> SentMail() => Smtp.Messages.Select(m => m.Message).ToList();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Smtp.Dispose();
    }
}
