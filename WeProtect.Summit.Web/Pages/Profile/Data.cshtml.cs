using System.Text.Json;
using System.Text.Json.Serialization;
using WeProtect.Summit.Data.Retention;

namespace WeProtect.Summit.Web.Pages.Profile;

/// <summary>The signed-in user's own data: download it (JSON), ask for it to be erased, or withdraw that request.</summary>
public class DataModel(SummitDbContext db, UserManager<SummitUser> users, ErasureDesk desk, PersonalDataExport export) : PageModel
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public DateTime? RequestedUtc { get; private set; }
    [BindProperty] public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        if (await export.ForUserAsync(users.GetUserId(User)!, ct) is not { } data) return NotFound();
        Response.Headers.CacheControl = "no-cache, no-store";
        return File(JsonSerializer.SerializeToUtf8Bytes(data, Json), "application/json", "my-weprotect-summit-data.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken ct)
    {
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), Localization.Translations.OrKey(HttpContext, "Tick the box to confirm that you want your data erased and your account closed."));
            await LoadAsync(ct);
            return Page();
        }
        return await this.AnswerAsync(await desk.RequestAsync(users.GetUserId(User)!, ct), () => RedirectToPage(),
            async () => { await LoadAsync(ct); return Page(); });
    }

    /// <summary>Takes back the open request (refused once an administrator is carrying it out or has).</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) =>
        await this.AnswerAsync(await desk.WithdrawAsync(users.GetUserId(User)!, ct), () => RedirectToPage(),
            async () => { await LoadAsync(ct); return Page(); });

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        RequestedUtc = await db.ErasureRequests.AsNoTracking().Where(r => r.UserId == userId && r.CarriedOutUtc == null)
            .Select(r => (DateTime?)r.RequestedUtc).FirstOrDefaultAsync(ct);
    }
}
