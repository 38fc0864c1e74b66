using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Pages.Outbox;

/// <summary>The messages the embedded default wrote to the pick-up folder instead of sending, for demos; and, whatever
/// the transport, the notifications that could not be delivered yet (retried with back-off) or were refused for good.</summary>
public class IndexModel(Mail.Outbox outbox, SummitDbContext db) : PageModel
{
    public bool Enabled => outbox.IsEnabled;
    /// <summary>Unsent notifications whose last attempt failed, newest first.</summary>
    public IReadOnlyList<Notification> Undelivered { get; private set; } = [];
    public IReadOnlyList<Mail.Outbox.Item> Messages { get; private set; } = [];

    public const int PageSize = 100;
    /// <summary>The page shown (1-based, from <c>?p=</c>; Razor Pages keeps <c>page</c> for itself) and how many there are.</summary>
    public int CurrentPage { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public int Total { get; private set; }
    public MimeKit.MimeMessage? Message { get; private set; }
    /// <summary>The message's text with account links (confirmation, password reset) withheld from every reader,
    /// administrators included: anyone reading another person's reset link could take over that account.</summary>
    public string Body { get; private set; } = "";
    public bool Redacted { get; private set; }
    public string? MessageId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? id, [FromQuery(Name = "p")] int? p, CancellationToken ct)
    {
        if (id is null)
        {
            Undelivered = await db.Notifications.AsNoTracking()
                .Where(n => n.SentUtc == null && n.LastError != null)
                .OrderByDescending(n => n.Id).Take(200).ToListAsync(ct);
            (Messages, Total) = outbox.Page(Math.Max(p ?? 1, 1), PageSize);
            PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
            CurrentPage = Math.Clamp(p ?? 1, 1, PageCount);
            if (CurrentPage != (p ?? 1)) (Messages, _) = outbox.Page(CurrentPage, PageSize);
            return Page();
        }
        Message = outbox.Read(id);
        MessageId = id;
        if (Message is null) return NotFound();
        Body = Mail.Outbox.Redact(Message.TextBody, out var redacted);
        Redacted = redacted || Mail.Outbox.IsSensitive(Message);
        return Page();
    }
}
