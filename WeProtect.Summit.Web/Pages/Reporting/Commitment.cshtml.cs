using Microsoft.AspNetCore.OutputCaching;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Web.Pages.Reporting;

/// <summary>One commitment in a published cycle, for the public: how many endorsers report each status (a chart and
/// its table) and the narratives of the organisations that consented to publish theirs. 404 until the cycle is
/// published, and for an anchor the cycle does not track.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public class CommitmentModel(SummitDbContext db) : PageModel
{
    public sealed record PublicAnswer(int OrganisationId, string Organisation, ProgressEntry Entry);

    public CycleProgress Progress { get; private set; } = null!;
    public CycleProgress.Commitment Row { get; private set; } = null!;
    public IReadOnlyList<PublicAnswer> Answers { get; private set; } = [];
    /// <summary>Organisations that reported on it without consenting to publish their narratives.</summary>
    public int Private { get; private set; }

    public async Task<IActionResult> OnGetAsync(int cycleId, int statementId, string anchor, CancellationToken ct)
    {
        if (await CycleProgress.LoadAsync(db, cycleId, ct) is not { Cycle.IsPublished: true } progress) return NotFound();
        var key = TrackedCommitment.KeyOf(statementId, anchor);
        if (progress.Commitments.FirstOrDefault(c => c.Tracked.Key == key) is not { } row) return NotFound();
        (Progress, Row) = (progress, row);
        var reported = progress.Organisations
            .Select(o => (o.Reporter, Entry: o.Current?.Entries.FirstOrDefault(e => e.Key == key), o.Current))
            .Where(x => x.Entry is not null).ToList();
        Answers = reported.Where(x => x.Current!.NarrativesPublic)
            .OrderBy(x => x.Reporter.SortName, StringComparer.Ordinal)
            .Select(x => new PublicAnswer(x.Reporter.OrganisationId, x.Reporter.FormalName, x.Entry!)).ToList();
        Private = reported.Count - Answers.Count;
        return Page();
    }
}
