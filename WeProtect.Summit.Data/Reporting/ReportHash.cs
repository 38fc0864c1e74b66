using System.Security.Cryptography;
using System.Text.Json;

namespace WeProtect.Summit.Data.Reporting;

/// <summary>The canonical form of a submitted report and its SHA-256: a JSON array (cycle, organisation, submission
/// number, then each entry as [statement, anchor, status, narrative, links] ordered by statement id and anchor
/// ordinally), narratives in Unicode NFC with LF line ends. Anyone with the entries can recompute it.</summary>
public static class ReportHash
{
    public static string Canonical(int cycleId, int organisationId, int number, IEnumerable<ProgressEntry> entries) =>
        JsonSerializer.Serialize(new object[]
        {
            cycleId, organisationId, number,
            entries.OrderBy(e => e.StatementId).ThenBy(e => e.Anchor, StringComparer.Ordinal)
                .Select(e => new object[] { e.StatementId, e.Anchor, e.Status.ToString(), e.Narrative.Normalize(NormalizationForm.FormC), e.Links.ToArray() })
                .ToArray(),
        });

    public static string Of(int cycleId, int organisationId, int number, IEnumerable<ProgressEntry> entries) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(cycleId, organisationId, number, entries))));
}
