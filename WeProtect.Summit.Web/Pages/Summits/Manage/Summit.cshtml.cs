namespace WeProtect.Summit.Web.Pages.Summits.Manage;

using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Data.Summits;
using WeProtect.Summit.Web.Localization;

/// <summary>Organisers: one summit's management home. Where it stands (its status, its registration window and what
/// waits for the organisers: registrations to decide, signing windows open, communiqués to publish), its figures
/// (<see cref="SummitFigures"/>), and a link to every management area of the summit.</summary>
public class SummitModel(SummitDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>A statement of the summit as the page lists it.</summary>
    public sealed record StatementRow(int Id, string Title, StatementStatus Status, DateTime? SigningClosesUtc, bool Standing);

    public sealed record CycleRow(int Id, string Title, DateTime OpensUtc, DateTime DeadlineUtc, bool Published);

    /// <summary>Something that waits for the organisers: <see cref="Kind"/> says which sentence the page shows.</summary>
    public sealed record NextStep(NextStepKind Kind, int Count = 0, StatementRow? Statement = null);

    public enum NextStepKind { OpenTheSummit, DecideRegistrations, SigningOpen, PublishCommunique }

    public Summit Summit { get; private set; } = null!;
    public SummitFigures Figures { get; private set; } = null!;
    public IReadOnlyList<StatementRow> Statements { get; private set; } = [];
    public IReadOnlyList<CycleRow> Cycles { get; private set; } = [];
    public IReadOnlyList<NextStep> NextSteps { get; private set; } = [];
    public DateTime NowUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } summit) return NotFound();
        Summit = summit;
        NowUtc = clock.GetUtcNow().UtcDateTime;
        Figures = await SummitFigures.LoadAsync(db, id, ct);
        Statements = await db.Statements.AsNoTracking().Where(s => s.SummitId == id).OrderBy(s => s.Id)
            .Select(s => new StatementRow(s.Id, s.Title, s.Status, s.SigningClosesUtc, s.Standing)).ToListAsync(ct);
        Cycles = await SummitFigures.CyclesOf(db, id).OrderByDescending(c => c.OpensUtc)
            .Select(c => new CycleRow(c.Id, c.Title, c.OpensUtc, c.DeadlineUtc, c.PublishedUtc != null)).ToListAsync(ct);
        NextSteps = Steps().ToList();
        return Page();
    }

    private IEnumerable<NextStep> Steps()
    {
        if (Summit.Status == SummitStatus.Draft) yield return new(NextStepKind.OpenTheSummit);
        if (Figures.Registrations.GetValueOrDefault(RegistrationStatus.Pending) is > 0 and var pending) yield return new(NextStepKind.DecideRegistrations, pending);
        foreach (var s in Statements.Where(s => s.Status == StatementStatus.OpenForSignature)) yield return new(NextStepKind.SigningOpen, Statement: s);
        foreach (var s in Statements.Where(s => s.Status == StatementStatus.Closed)) yield return new(NextStepKind.PublishCommunique, Statement: s);
    }

    /// <summary>The summit's registration window in words: open until when, or why it is closed.</summary>
    public string RegistrationWindow(Microsoft.Extensions.Localization.IStringLocalizer localizer) =>
        Summit.IsRegistrationOpen(NowUtc)
            ? localizer["Registration is open until {0} ({1}).", Summit.ToLocal(Summit.RegistrationClosesUtc!.Value).Said("d MMMM yyyy, HH:mm"), Summit.TimeZoneId].Value
            : Localization.Translations.Of(localizer, Summit.WhyRegistrationIsClosed(NowUtc)!);
}
