using System.Security.Cryptography;
using System.Text.Json;

namespace WeProtect.Summit.Data.Reporting;

/// <summary>The canonical form of a submitted report and its SHA-256: a JSON array (cycle, organisation, submission
/// number, then each entry as [statement, anchor, status, narrative, links] ordered by statement id and anchor
/// ordinally), narratives in Unicode NFC with LF line ends; when the report has attachments, a fifth element lists
/// each as [SHA-256, file name, size in bytes], ordered by SHA-256 then name ordinally (a report without attachments
/// keeps the four-element form). Anyone with the entries and the files can recompute it.</summary>
public static class ReportHash
{
    public static string Canonical(int cycleId, int organisationId, int number, IEnumerable<ProgressEntry> entries,
        IEnumerable<ReportAttachment>? attachments = null)
    {
        var parts = new List<object>
        {
            cycleId, organisationId, number,
            entries.OrderBy(e => e.StatementId).ThenBy(e => e.Anchor, StringComparer.Ordinal)
                .Select(e => new object[] { e.StatementId, e.Anchor, e.Status.ToString(), e.Narrative.Normalize(NormalizationForm.FormC), e.Links.ToArray() })
                .ToArray(),
        };
        var files = (attachments ?? []).OrderBy(a => a.Sha256, StringComparer.Ordinal).ThenBy(a => a.FileName, StringComparer.Ordinal)
            .Select(a => new object[] { a.Sha256, a.FileName.Normalize(NormalizationForm.FormC), a.SizeBytes }).ToArray();
        if (files.Length > 0) parts.Add(files);
        return JsonSerializer.Serialize(parts);
    }

    public static string Of(int cycleId, int organisationId, int number, IEnumerable<ProgressEntry> entries, IEnumerable<ReportAttachment>? attachments = null) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(cycleId, organisationId, number, entries, attachments))));
}
