namespace WeProtect.Summit.Data.Reporting;

/// <summary>A report's answer on one commitment: its status, a narrative (the statement grammar's inline Markdown,
/// rendered sanitised) and evidence links (absolute http or https addresses, one a line).</summary>
public class ProgressEntry
{
    public const int NarrativeMaxLength = 4000;
    public const int LinkMaxLength = 500;
    public const int MaxLinks = 10;

    private ProgressEntry() { }

    public ProgressEntry(int statementId, string anchor)
    {
        StatementId = statementId;
        Anchor = anchor;
    }

    public int Id { get; private set; }
    public int ReportId { get; private set; }
    public int StatementId { get; private set; }
    public string Anchor { get; private set; } = "";
    public CommitmentStatus Status { get; private set; } = CommitmentStatus.NotStarted;
    public string Narrative { get; private set; } = "";
    /// <summary>The evidence links, one a line.</summary>
    public string EvidenceLinks { get; private set; } = "";

    public string Key => TrackedCommitment.KeyOf(StatementId, Anchor);

    public IReadOnlyList<string> Links => EvidenceLinks.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A copy for the next draft.</summary>
    public ProgressEntry Copy() => new(StatementId, Anchor) { Status = Status, Narrative = Narrative, EvidenceLinks = EvidenceLinks };

    /// <summary>Sets the answer, or returns what is wrong with it (the entry is then unchanged).</summary>
    public string? Set(CommitmentStatus status, string? narrative, string? links)
    {
        if (!Enum.IsDefined(status)) return "Choose a status.";
        var text = (narrative ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Trim();
        if (text.Length > NarrativeMaxLength) return $"The narrative on {Anchor} is longer than {NarrativeMaxLength} characters.";
        var list = (links ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (list.Count > MaxLinks) return $"Give at most {MaxLinks} evidence links on {Anchor}.";
        foreach (var link in list)
        {
            if (link.Length > LinkMaxLength || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
                return $"\"{(link.Length > 80 ? link[..80] + "…" : link)}\" on {Anchor} is not a web address (http or https).";
        }
        Status = status;
        Narrative = text;
        EvidenceLinks = string.Join('\n', list);
        return null;
    }
}
