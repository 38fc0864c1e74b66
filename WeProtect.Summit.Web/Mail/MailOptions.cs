namespace WeProtect.Summit.Web.Mail;

/// <summary>Section "Mail". With no SMTP host, messages are written as .eml files to the pick-up folder and
/// listed on the organisers' Outbox page, so a demo needs no mail server.</summary>
public sealed class MailOptions
{
    public string FromAddress { get; set; } = "secretariat@weprotect-summit.invalid";
    public string FromName { get; set; } = "WeProtect Summit secretariat";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public bool SmtpStartTls { get; set; } = true;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    /// <summary>Defaults to "outbox" in the data folder.</summary>
    public string? PickupFolder { get; set; }

    public bool UsesPickupFolder => string.IsNullOrWhiteSpace(SmtpHost);
}
