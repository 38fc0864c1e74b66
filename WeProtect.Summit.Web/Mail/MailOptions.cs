namespace WeProtect.Summit.Web.Mail;

/// <summary>Section "Mail". With no SMTP host, messages are written as .eml files to the pick-up folder and
/// listed on the organisers' Outbox page, so a demo needs no mail server.</summary>
public sealed class MailOptions
{
    public string FromAddress { get; set; } = "secretariat@weprotect-summit.invalid";
    public string FromName { get; set; } = "WeProtect Summit secretariat";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    /// <summary>True (the default): STARTTLS is required, and a server that does not offer it is refused rather than
    /// sent the password and the messages in clear. False: TLS on connect for port 465, otherwise whatever the
    /// server offers.</summary>
    public bool SmtpStartTls { get; set; } = true;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    /// <summary>For a relay with a certificate of its own making (an internal server): its SHA-256 (or SHA-1)
    /// thumbprint, hex. The server's certificate is accepted when it chains to a trusted authority or has exactly
    /// this thumbprint; never otherwise.</summary>
    public string? SmtpCertificateThumbprint { get; set; }
    /// <summary>How long one SMTP exchange may take before the attempt counts as failed (and is retried later).</summary>
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Defaults to "outbox" in the data folder.</summary>
    public string? PickupFolder { get; set; }

    public bool UsesPickupFolder => string.IsNullOrWhiteSpace(SmtpHost);
}
