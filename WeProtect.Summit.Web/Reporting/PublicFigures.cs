using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Web.Reporting;

/// <summary>The public figures of a published cycle as a table (the public page's downloads): one row per commitment,
/// how many endorsers are asked to report on it, and how many of their current submissions give each status. No
/// organisation's name or words: those are on the commitment pages, with consent.</summary>
public static class PublicFigures
{
    public static IReadOnlyList<IReadOnlyList<string>> Rows(CycleProgress progress)
    {
        var statuses = Enum.GetValues<CommitmentStatus>();
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "Statement", "Anchor", "Commitment", "Asked to report", "Reported" }.Concat(statuses.Select(ReportingView.Words)).ToArray(),
        };
        foreach (var c in progress.Commitments)
        {
            rows.Add(new[]
            {
                c.StatementTitle, c.Tracked.Anchor, c.Tracked.Text, Number(c.MustReport), Number(c.Counts.Values.Sum()),
            }.Concat(statuses.Select(s => Number(c.Counts[s]))).ToArray());
        }
        return rows;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
