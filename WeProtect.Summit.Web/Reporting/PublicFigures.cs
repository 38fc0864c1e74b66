using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Web.Reporting;

/// <summary>The public figures of a published cycle (written at publication) as a table (the public page's downloads): one row per commitment,
/// how many endorsers are asked to report on it, how many reported, how many of those keep their report private, and how
/// many of the others' current submissions give each status (so "Reported" is "Kept private" plus the statuses). No
/// organisation's name or words: those are on the commitment pages, with consent. A commitment is keyed by its anchor
/// and named as its statement prints it ("Part").</summary>
public static class PublicFigures
{
    public static IReadOnlyList<IReadOnlyList<string>> Rows(PublishedFigures.CyclePage published, CommitmentNames names)
    {
        var statuses = Enum.GetValues<CommitmentStatus>();
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "Statement", "Anchor", "Part", "Commitment", "Asked to report", "Reported", "Kept private" }.Concat(statuses.Select(ReportingView.Words)).ToArray(),
        };
        foreach (var (c, title) in published.Commitments)
        {
            var counts = c.Counts;
            rows.Add(new[]
            {
                title, c.Anchor, names.Name(c.StatementId, c.Anchor), c.Text, Number(c.MustReport), Number(c.Reported), Number(c.Private),
            }.Concat(statuses.Select(s => Number(counts[s]))).ToArray());
        }
        return rows;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
