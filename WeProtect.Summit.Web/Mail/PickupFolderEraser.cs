using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace WeProtect.Summit.Web.Mail;

/// <summary>Deletes copies of mail in the pick-up folder (the organisers' Outbox) when the personal data they carry is
/// erased: a summit's notifications (known by the Message-Id the notification job gives each), or everything
/// addressed to an erased account. Only headers are read. Deleting twice is harmless.</summary>
public sealed partial class PickupFolderEraser(IOptions<MailOptions> options)
{
    public int DeleteNotifications(IReadOnlyCollection<long> notificationIds)
    {
        if (notificationIds.Count == 0) return 0;
        var ids = notificationIds.ToHashSet();
        return Delete(headers => NotificationId().Match(headers[HeaderId.MessageId] ?? "") is { Success: true } m
            && long.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var id) && ids.Contains(id));
    }

    public int DeleteAddressedTo(string address)
    {
        if (string.IsNullOrWhiteSpace(address)) return 0;
        return Delete(headers => InternetAddressList.TryParse(headers[HeaderId.To] ?? "", out var to)
            && to.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)));
    }

    private int Delete(Func<HeaderList, bool> match)
    {
        var mail = options.Value;
        if (!mail.UsesPickupFolder || mail.PickupFolder is not { } folder || !Directory.Exists(folder)) return 0;
        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*.eml").ToList())
        {
            HeaderList headers;
            using (var stream = File.OpenRead(path)) headers = new MimeParser(stream, MimeFormat.Entity).ParseHeaders();
            if (!match(headers)) continue;
            File.Delete(path);
            deleted++;
        }
        return deleted;
    }

    [GeneratedRegex(@"^<?notification-(\d+)-")]
    private static partial Regex NotificationId();
}
