using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>The one way a page answers a desk: done → the message as the status line and a redirect; not found →
/// 404; refused or conflict → the reason as a form error (and each broken rule beside its field) on the page shown
/// again, or, for a button without a form of its own, as the status line after the redirect, shown as a refusal or a
/// conflict (<see cref="StatusKind"/>), never as a success.</summary>
public static class PageAnswers
{
    /// <summary>Answers a form: <paramref name="redirect"/> when done, <paramref name="reshow"/> with the errors otherwise.
    /// <paramref name="field"/> maps an entity's field name to the form's key (default "Input.{field}").</summary>
    public static async Task<IActionResult> AnswerAsync(this PageModel page, DeskResult result, Func<IActionResult> redirect,
        Func<Task<IActionResult>> reshow, Func<string, string>? field = null)
    {
        if (result.Answer == DeskAnswer.NotFound) return page.NotFound();
        if (result.Succeeded)
        {
            page.ShowStatus(result);
            return redirect();
        }
        page.AddErrors(result, field);
        return await reshow();
    }

    /// <summary>Answers a button: the message (done or refused) as the status line, then <paramref name="redirect"/>.</summary>
    public static IActionResult Answer(this PageModel page, DeskResult result, Func<IActionResult> redirect)
    {
        if (result.Answer == DeskAnswer.NotFound) return page.NotFound();
        page.ShowStatus(result);
        return redirect();
    }

    /// <summary>Puts a refusal into ModelState: each broken rule beside its field, else the message for the form.</summary>
    public static void AddErrors(this PageModel page, DeskResult result, Func<string, string>? field = null)
    {
        if (result.Errors.Count == 0)
        {
            page.ModelState.AddModelError(string.Empty, Localization.Translations.Of(page.HttpContext, result.Text));
            return;
        }
        foreach (var (name, message) in result.Errors)
            page.ModelState.AddModelError(field is null ? $"Input.{name}" : field(name), Localization.Translations.Of(page.HttpContext, message));
    }
}
