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
    /// <summary>The message's text with account links (confirmation, password reset) withheld from every reader,
    /// administrators included: anyone reading another person's reset link could take over that account.</summary>
    public string Body { get; private set; } = "";
    public bool Redacted { get; private set; }
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
        if (Message is null) return NotFound();
        Body = Mail.Outbox.Redact(Message.TextBody, out var redacted);
        Redacted = redacted || Mail.Outbox.IsSensitive(Message);
        return Page();
    }
}
