using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace WeProtect.Summit.Web.Mail;

/// <summary>Sends mail through MailKit, to the SMTP server or the pick-up folder. Addresses and bodies never go
/// to the log: only the message id.</summary>
public sealed class Mailer(IOptions<MailOptions> options, ILogger<Mailer> logger)
{
    public const string SensitiveHeader = "X-Summit-Sensitive";

    private readonly MailOptions mail = options.Value;

    public async Task SendAsync(Letter letter, CancellationToken ct = default)
    {
        var message = Compose(letter);
        if (mail.UsesPickupFolder)
        {
            var folder = mail.PickupFolder!;
            Directory.CreateDirectory(folder);
            // The wall clock, not the app's: the names order the folder by when each message was written, which a
            // clock that stands still (the tests') would not.
            var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
            // Write then move, so the Outbox never lists a half-written file.
            var temporary = Path.Combine(folder, name + ".tmp");
            await message.WriteToAsync(temporary, ct);
            File.Move(temporary, Path.Combine(folder, name));
            logger.LogInformation("Mail {MessageId} written to the pick-up folder", message.MessageId);
            return;
        }

        using var client = new SmtpClient { Timeout = (int)mail.SmtpTimeout.TotalMilliseconds };
        if (!string.IsNullOrWhiteSpace(mail.SmtpCertificateThumbprint))
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None || PinnedCertificate(certificate);
        await client.ConnectAsync(mail.SmtpHost!, mail.SmtpPort,
            mail.SmtpStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, ct);
        if (!string.IsNullOrEmpty(mail.SmtpUser)) await client.AuthenticateAsync(mail.SmtpUser, mail.SmtpPassword ?? "", ct);
        await client.SendAsync(message, ct);
        // The server has taken the message: a failure to say goodbye must not make the caller send it again.
        try { await client.DisconnectAsync(true, ct); }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException or System.Net.Sockets.SocketException)
        {
            logger.LogInformation("Mail {MessageId} sent; the server closed the connection before QUIT", message.MessageId);
        }
        logger.LogInformation("Mail {MessageId} sent through SMTP", message.MessageId);
    }

    private bool PinnedCertificate(System.Security.Cryptography.X509Certificates.X509Certificate? certificate)
    {
        if (certificate is null) return false;
        var pinned = mail.SmtpCertificateThumbprint!.Replace(":", "").Replace(" ", "");
        var sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(certificate.GetRawCertData()));
        return string.Equals(pinned, sha256, StringComparison.OrdinalIgnoreCase)
            || string.Equals(pinned, certificate.GetCertHashString(), StringComparison.OrdinalIgnoreCase);
    }

    private MimeMessage Compose(Letter letter)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.FromName, mail.FromAddress));
        message.To.Add(new MailboxAddress(letter.ToName, letter.ToAddress));
        message.Subject = letter.Subject;
        message.MessageId = letter.MessageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId("weprotect-summit");
        if (letter.Sensitive) message.Headers.Add(SensitiveHeader, "yes");
        // "Votre inscription : https://…": the label and the link joined as the letter's language punctuates.
        var action = letter.ActionUrl is null ? null : new Localization.LanguageTexts(letter.Language).Format("{0}: {1}", letter.ActionLabel ?? "", letter.ActionUrl);
        var text = letter.TextBody + (action is null ? "" : $"\n\n{action}\n");
        var html = string.Join("", letter.TextBody.Split("\n\n").Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>"))
            + (letter.ActionUrl is null ? "" :
                $"<p><a href=\"{System.Net.WebUtility.HtmlEncode(letter.ActionUrl)}\">{System.Net.WebUtility.HtmlEncode(letter.ActionLabel)}</a></p>");
        if (letter.Language is { } language)
        {
            var direction = CultureInfo.GetCultureInfo(language).TextInfo.IsRightToLeft ? "rtl" : "ltr";
            html = $"<div lang=\"{System.Net.WebUtility.HtmlEncode(language)}\" dir=\"{direction}\">{html}</div>";
        }
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        // Content-* headers belong to the body (MimeKit moves them there), so it is set once the body exists.
        if (letter.Language is { } spoken) message.Body.Headers.Add(HeaderId.ContentLanguage, spoken);
        return message;
    }
}
