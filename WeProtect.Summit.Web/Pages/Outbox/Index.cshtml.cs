using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Pages.Outbox;

/// <summary>The messages the embedded default wrote to the pick-up folder instead of sending, for demos.</summary>
public class IndexModel(Mail.Outbox outbox) : PageModel
{
    public bool Enabled => outbox.IsEnabled;
    public IReadOnlyList<Mail.Outbox.Item> Messages { get; private set; } = [];
    public MimeKit.MimeMessage? Message { get; private set; }
    /// <summary>Account links (confirmation, password reset) are shown to administrators only: an organiser
    /// reading another person's reset link could take over that account.</summary>
    public bool BodyWithheld => Message is not null && Mail.Outbox.IsSensitive(Message) && !User.IsInRole(Data.Accounts.Roles.Admin);
    public string? MessageId { get; private set; }

    public IActionResult OnGet(string? id)
    {
        if (id is null)
        {
            Messages = outbox.List();
            return Page();
        }
        Message = outbox.Read(id);
        MessageId = id;
        return Message is null ? NotFound() : Page();
    }
}
