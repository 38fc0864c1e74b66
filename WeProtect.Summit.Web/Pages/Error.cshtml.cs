using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WeProtect.Summit.Web.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string? RequestId { get; private set; }
    public string Title { get; private set; } = "Something went wrong";
    public string Explanation { get; private set; } = "The request could not be completed. Nothing you saved before it was lost.";

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Explanation) = code switch
        {
            404 => ("Not found", "There is no page at this address, or it is not public."),
            403 => ("Not allowed", "Your account may not open this page."),
            400 => ("Bad request", "The request was not understood. If you submitted a form, open it again and resubmit."),
            _ => (Title, Explanation),
        };
        if (code is null or >= 500) RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
    }
}
