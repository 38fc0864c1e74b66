namespace WeProtect.Summit.Web.Pages.Account;

/// <summary>The one answer to register, resend-confirmation and forgot-password, whatever the address.</summary>
public class CheckEmailModel : PageModel
{
    public const string Registered = "registered";
    public const string Resent = "resent";
    public const string PasswordReset = "reset";

    [BindProperty(SupportsGet = true)] public string? Reason { get; set; }

    public void OnGet() { }
}
