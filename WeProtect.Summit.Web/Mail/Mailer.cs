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

        using var client = new SmtpClient();
        await client.ConnectAsync(mail.SmtpHost!, mail.SmtpPort,
            mail.SmtpStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.Auto, ct);
        if (!string.IsNullOrEmpty(mail.SmtpUser)) await client.AuthenticateAsync(mail.SmtpUser, mail.SmtpPassword ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        logger.LogInformation("Mail {MessageId} sent through SMTP", message.MessageId);
    }

    private MimeMessage Compose(Letter letter)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.FromName, mail.FromAddress));
        message.To.Add(new MailboxAddress(letter.ToName, letter.ToAddress));
        message.Subject = letter.Subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("weprotect-summit");
        if (letter.Sensitive) message.Headers.Add(SensitiveHeader, "yes");
        var text = letter.TextBody + (letter.ActionUrl is null ? "" : $"\n\n{letter.ActionLabel}: {letter.ActionUrl}\n");
        var html = string.Join("", letter.TextBody.Split("\n\n").Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>"))
            + (letter.ActionUrl is null ? "" :
                $"<p><a href=\"{System.Net.WebUtility.HtmlEncode(letter.ActionUrl)}\">{System.Net.WebUtility.HtmlEncode(letter.ActionLabel)}</a></p>");
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }
}
