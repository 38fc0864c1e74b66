using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Web.Reporting;

/// <summary>The organisers' download of a cycle (CSV, xlsx and JSON alike): one row per organisation and commitment it
/// reports on, from its current submission (empty status when it has not submitted). A commitment is named by its
/// statement's title, its anchor (the key to join on), its part's name as the statement prints it ("Part") and its words (the whole commitment of the final text, as the report form shows it,
/// without the Markdown marks), so that a row reads on its own; the files escape formula-like cells.</summary>
public static class ProgressTable
{
    public static IReadOnlyList<IReadOnlyList<string>> Rows(CycleProgress progress, CommitmentNames names)
    {
        var zone = progress.Cycle.Summit.TimeZoneId;
        var titles = progress.Scope.Statements.ToDictionary(s => s.Id, s => s.Title);
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "Organisation", "Sector", "Statement", "Anchor", "Part", "Commitment", "Status", "Narrative", "Evidence links", "Submission", $"Submitted ({zone})", "SHA-256" },
        };
        foreach (var row in progress.Organisations)
        {
            foreach (var c in row.Reporter.Commitments)
            {
                var entry = row.Current?.Entries.FirstOrDefault(e => e.Key == c.Key);
                rows.Add(new[]
                {
                    row.Reporter.FormalName, row.Reporter.Sector.DisplayName(), titles.GetValueOrDefault(c.StatementId) ?? "", c.Anchor,
                    names.Name(c.StatementId, c.Anchor), Pdf.PdfInline.Plain(c.Text),
                    entry is null ? "" : ReportingView.Words(entry.Status), entry?.Narrative ?? "", entry is null ? "" : string.Join(" ", entry.Links),
                    row.Current?.Number.ToString(CultureInfo.InvariantCulture) ?? "",
                    row.Current?.SubmittedUtc is { } at ? progress.Cycle.Summit.ToLocal(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "",
                    row.Current?.ContentHash ?? "",
                });
            }
        }
        return rows;
    }
}
