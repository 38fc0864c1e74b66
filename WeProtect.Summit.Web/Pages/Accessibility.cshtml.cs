using Microsoft.Extensions.Options;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Pages;

/// <summary>The accessibility statement: what is tested, what is known not to work yet, how to report a problem.
/// Public, linked from every page's footer.</summary>
public class AccessibilityModel(IOptions<MailOptions> mail) : PageModel
{
    /// <summary>Where to report a problem: the secretariat's address, the one the app's e-mails come from.</summary>
    public string ReportTo => mail.Value.FromAddress;

    public void OnGet() { }
}
