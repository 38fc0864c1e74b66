namespace WeProtect.Summit.Data.Reporting;

/// <summary>One commitment's public figures in a published cycle: how many organisations were asked to report on it
/// and how many of their current submissions give each status, leaving out the submissions their members keep private
/// (counted in <see cref="Private"/> only, so that the rate stays true). Written once, with the publication
/// (<see cref="PublishedFigures"/>), from <see cref="CycleProgress"/>: a cycle is published after its deadline, when
/// no report can change any more, so the figures are final and the public pages read them instead of counting every
/// entry again on each request. <see cref="Position"/> is the commitment's place in the cycle (reading order).</summary>
public class PublishedCommitment
{
    private PublishedCommitment() { }

    internal PublishedCommitment(int cycleId, int position, CycleProgress.Commitment row)
    {
        CycleId = cycleId;
        Position = position;
        StatementId = row.Tracked.StatementId;
        Anchor = row.Tracked.Anchor;
        Text = row.Tracked.Text;
        MustReport = row.MustReport;
        NotStarted = row.PublicCounts[CommitmentStatus.NotStarted];
        InProgress = row.PublicCounts[CommitmentStatus.InProgress];
        Achieved = row.PublicCounts[CommitmentStatus.Achieved];
        NotApplicable = row.PublicCounts[CommitmentStatus.NotApplicable];
        Private = row.Private;
    }

    public int CycleId { get; private set; }
    public int Position { get; private set; }
    public int StatementId { get; private set; }
    public string Anchor { get; private set; } = "";
    /// <summary>The commitment's words (the statement grammar's inline Markdown), from the statement's final version.</summary>
    public string Text { get; private set; } = "";
    public int MustReport { get; private set; }
    public int NotStarted { get; private set; }
    public int InProgress { get; private set; }
    public int Achieved { get; private set; }
    public int NotApplicable { get; private set; }
    /// <summary>Organisations asked to report on it whose current submission their member keeps private: reported,
    /// but in no status count.</summary>
    public int Private { get; private set; }

    /// <summary>How many current submissions give each status, every status present.</summary>
    public IReadOnlyDictionary<CommitmentStatus, int> Counts => Enum.GetValues<CommitmentStatus>().ToDictionary(s => s, s => s switch
    {
        CommitmentStatus.NotStarted => NotStarted,
        CommitmentStatus.InProgress => InProgress,
        CommitmentStatus.Achieved => Achieved,
        CommitmentStatus.NotApplicable => NotApplicable,
        _ => throw new InvalidOperationException($"No published count for {s}: add its column."),
    });

    /// <summary>The submissions whose statuses are published: the sum of <see cref="Counts"/>.</summary>
    public int Counted => NotStarted + InProgress + Achieved + NotApplicable;

    /// <summary>Every organisation that reported on it, those keeping their report private included.</summary>
    public int Reported => Counted + Private;
}
