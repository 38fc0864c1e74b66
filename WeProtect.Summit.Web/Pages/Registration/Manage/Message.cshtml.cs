namespace WeProtect.Summit.Web.Pages.Registration.Manage;

using WeProtect.Summit.Data.Messages;
using WeProtect.Summit.Data.Summits;

/// <summary>One sent message: its text as written and in the other languages it was written in, and who received it when (paged: a message may go to thousands).</summary>
public class MessageModel(SummitDbContext db) : PageModel
{
    public const int PageSize = 100;

    public sealed record Recipient(int RegistrationId, string FullName, string? Email, string Organisation, DateTime? SentUtc, DateTime? FailedUtc);

    /// <summary>"p", not "page": Razor Pages keeps the route value "page" for the page's own name.</summary>
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public Summit Summit { get; private set; } = null!;
    public DelegateMessage Message { get; private set; } = null!;
    /// <summary>Who it went to, in the reader's language.</summary>
    public string Audience { get; private set; } = "";
    public IReadOnlyList<Recipient> Recipients { get; private set; } = [];
    public int CurrentPage { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Message.RecipientCount + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(int summitId, int messageId, CancellationToken ct)
    {
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct);
        var message = await db.DelegateMessages.AsNoTracking().Include(m => m.Versions).FirstOrDefaultAsync(m => m.Id == messageId && m.SummitId == summitId, ct);
        if (summit is null || message is null) return NotFound();
        (Summit, Message) = (summit, message);
        Audience = (await MessageAudiences.SayAsync(db, HttpContext, [new(message.Id, message.Filter, message.Audience)], ct))[message.Id];
        CurrentPage = Math.Clamp(PageNumber ?? 1, 1, PageCount);
        Recipients = await db.DelegateMessageRecipients.AsNoTracking().Where(r => r.MessageId == messageId)
            .OrderBy(r => r.Id).Skip((CurrentPage - 1) * PageSize).Take(PageSize)
            .Select(r => new Recipient(r.RegistrationId, r.Registration.FullName, r.Registration.User.Email,
                r.Registration.Organisation != null ? r.Registration.Organisation.FormalName : r.Registration.ProposedOrganisationName ?? "",
                db.Notifications.Where(n => n.Id == r.NotificationId).Select(n => n.SentUtc).FirstOrDefault(),
                db.Notifications.Where(n => n.Id == r.NotificationId).Select(n => n.FailedUtc).FirstOrDefault()))
            .ToListAsync(ct);
        return Page();
    }

    public string When(DateTime utc) => Summit.ToLocal(utc).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);
}
