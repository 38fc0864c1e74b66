using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace WeProtect.Summit.Web.Mail;

/// <summary>Reads the pick-up folder for the organisers' Outbox page.</summary>
public sealed partial class Outbox(IOptions<MailOptions> options)
{
    public const string Withheld = "[link withheld: it gives access to an account, only the recipient's copy holds it]";

    public sealed record Item(string Id, string Subject, string To, DateTimeOffset Date);

    /// <summary>Whether the message carries a link that grants access to an account.</summary>
    public static bool IsSensitive(MimeMessage message) => message.Headers.Contains(Mailer.SensitiveHeader);

    /// <summary>The text with every account link (password reset, e-mail confirmation) and any token in a query
    /// replaced: the page shows the rest of the message to every reader, administrators included.</summary>
    public static string Redact(string? text, out bool redacted)
    {
        var result = AccountLink().Replace(text ?? "", Withheld);
        result = TokenParameter().Replace(result, m => m.Groups[1].Value + "=[withheld]");
        redacted = result != (text ?? "");
        return result;
    }

    [GeneratedRegex(@"\S*/Account/(?:ResetPassword|ConfirmEmail)\S*", RegexOptions.IgnoreCase)]
    private static partial Regex AccountLink();

    [GeneratedRegex(@"\b(code|token|userId)=[^\s&""'<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex TokenParameter();

    public bool IsEnabled => options.Value.UsesPickupFolder;

    /// <summary>One page of the messages, newest first, and how many there are in all. Only the page's files are
    /// parsed: a summit's week writes thousands.</summary>
    public (IReadOnlyList<Item> Items, int Total) Page(int page, int size)
    {
        var folder = options.Value.PickupFolder;
        if (!IsEnabled || folder is null || !Directory.Exists(folder)) return ([], 0);
        var files = Directory.EnumerateFiles(folder, "*.eml").OrderByDescending(Path.GetFileName, StringComparer.Ordinal).ToList();
        var items = files.Skip((Math.Max(page, 1) - 1) * size).Take(size)
            .Select(path => { var m = MimeMessage.Load(path); return new Item(Path.GetFileNameWithoutExtension(path), m.Subject ?? "", m.To.ToString(), m.Date); })
            .ToList();
        return (items, files.Count);
    }

    /// <summary>The message with this id, or null. The id is checked against the folder's own file names,
    /// so that no path can be smuggled in.</summary>
    public MimeMessage? Read(string id)
    {
        var folder = options.Value.PickupFolder;
        if (!IsEnabled || folder is null || !Directory.Exists(folder)) return null;
        var path = Directory.EnumerateFiles(folder, "*.eml").FirstOrDefault(p => Path.GetFileNameWithoutExtension(p) == id);
        return path is null ? null : MimeMessage.Load(path);
    }
}
