namespace WeProtect.Summit.Web.Pages.Profile;

/// <summary>Shows freshly generated recovery codes, handed over in TempData by the page that generated them.
/// Reading TempData deletes it, so a reload, the back button or a later visitor sees nothing.</summary>
public class RecoveryCodesModel : PageModel
{
    public const string TempDataKey = "RecoveryCodes";

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public void OnGet()
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        Codes = TempData[TempDataKey] switch
        {
            string[] array => array,
            IEnumerable<string> list => list.ToList(),
            _ => [],
        };
    }
}
