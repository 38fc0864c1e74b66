namespace WeProtect.Summit.Web.Pages.Account;

/// <summary>Where the cookie handler sends a signed-in user who lacks the role a page needs, and where the check-in desk
/// sends its staff whose session has not used two-step verification (<see cref="TwoStepForCheckIn"/>).</summary>
public class AccessDeniedModel : PageModel
{
    /// <summary>The <c>why</c> that says the check-in desk waits for two-step verification. Only the wording depends on
    /// it: the page opens nothing.</summary>
    public const string TwoStepForCheckIn = "check-in-two-step";

    [BindProperty(SupportsGet = true, Name = "why")] public string? Why { get; set; }

    public void OnGet() { }
}
