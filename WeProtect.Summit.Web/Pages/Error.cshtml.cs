using System.Diagnostics;

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

    /// <summary>The rate limiter's Retry-After (seconds), in words and in the reader's language: a sentence per unit,
    /// so that each language words its own.</summary>
    private string TryAgain()
    {
        var seconds = int.TryParse(Response.Headers.RetryAfter.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 60;
        return seconds < 90
            ? Localization.Translations.OrKey(HttpContext, "There were too many attempts from your connection or for this account in a short time. Please wait {0} seconds and try again.", seconds)
            : Localization.Translations.OrKey(HttpContext, "There were too many attempts from your connection or for this account in a short time. Please wait {0} minutes and try again.", (seconds + 59) / 60);
    }

    private void Describe(int? code)
    {
        if (code is null && DatabaseBusy.Is(HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error))
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = DatabaseBusy.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            (Title, Explanation) = ("Busy, please try again",
                "Many people are doing the same thing at this moment and your request could not be completed in time. Nothing was saved. Please try again in a few seconds.");
            return;
        }
        (Title, Explanation) = code switch
        {
            404 => ("Not found", "There is no page at this address, or it is not public."),
            403 => ("Not allowed", "Your account may not open this page."),
            400 => ("Bad request", "The request was not understood. If you submitted a form, open it again and resubmit."),
            429 => ("Too many attempts", TryAgain()),
            _ => (Title, Explanation),
        };
        if (code is null or >= 500) RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
    }
}
