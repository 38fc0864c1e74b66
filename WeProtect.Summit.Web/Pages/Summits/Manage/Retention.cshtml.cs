using WeProtect.Summit.Data.Retention;

namespace WeProtect.Summit.Web.Pages.Summits.Manage;

/// <summary>Organisers: when this summit's personal data will be erased, what it is (with counts), and keeping it
/// longer with a reason (audited).</summary>
public class RetentionModel(RetentionDesk desk) : PageModel
{
    public RetentionPlan Plan { get; private set; } = null!;
    [BindProperty] public DateOnly? Until { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int summitId, CancellationToken ct) => await LoadAsync(summitId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostExtendAsync(int summitId, CancellationToken ct) =>
        await this.AnswerAsync(await desk.ExtendAsync(summitId, Until, Reason, User.ToAuditActor(), ct), () => RedirectToPage(new { summitId }),
            async () => await LoadAsync(summitId, ct) ? Page() : NotFound(), field => field);

    private async Task<bool> LoadAsync(int summitId, CancellationToken ct)
    {
        if (await desk.PlanAsync(summitId, ct) is not { } plan) return false;
        Plan = plan;
        return true;
    }
}
