using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Data.Reporting;

/// <summary>An organisation that a published cycle asked to report, as it stood at publication (written with
/// <see cref="PublishedCommitment"/>, for the same reason): its sector, its current submission (null when it did not
/// report), what its member let the public see of that submission, and the commitments it reports on, as the
/// <see cref="PublishedCommitment.Position"/>s of the cycle's.</summary>
public class PublishedReporter
{
    private PublishedReporter() { }

    internal PublishedReporter(int cycleId, CycleProgress.Organisation row, IReadOnlyDictionary<(int, string), int> positions)
    {
        CycleId = cycleId;
        OrganisationId = row.Reporter.OrganisationId;
        Sector = row.Reporter.Sector;
        ReportId = row.Current?.Id;
        Publication = row.Current?.Publication;
        CommitmentPositions = string.Join(' ', row.Reporter.Recorded
            .Select(c => positions.TryGetValue((c.StatementId, c.Anchor), out var p) ? p : -1).Where(p => p >= 0)
            .Select(p => p.ToString(CultureInfo.InvariantCulture)));
    }

    public int CycleId { get; private set; }
    public int OrganisationId { get; private set; }
    public Sector Sector { get; private set; }
    /// <summary>The submission the figures count (the organisation's current one at publication); null: did not report.</summary>
    public int? ReportId { get; private set; }
    /// <summary>The member's choice for that submission, as it stood at publication; what the public pages obey
    /// (null: did not report).</summary>
    public ReportPublication? Publication { get; private set; }

    public bool KeptPrivate => Publication == ReportPublication.Private;
    /// <summary>Its commitments in its own order, space-separated positions: a list read whole with its row, never searched.</summary>
    public string CommitmentPositions { get; private set; } = "";

    public IReadOnlyList<int> Positions =>
        CommitmentPositions.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
}
