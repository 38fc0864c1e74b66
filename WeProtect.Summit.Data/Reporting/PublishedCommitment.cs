namespace WeProtect.Summit.Data.Reporting;

/// <summary>One commitment's public figures in a published cycle: how many organisations were asked to report on it
/// and how many of their current submissions give each status. Written once, with the publication
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
        NotStarted = row.Counts[CommitmentStatus.NotStarted];
        InProgress = row.Counts[CommitmentStatus.InProgress];
        Achieved = row.Counts[CommitmentStatus.Achieved];
        NotApplicable = row.Counts[CommitmentStatus.NotApplicable];
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

    /// <summary>How many current submissions give each status, every status present.</summary>
    public IReadOnlyDictionary<CommitmentStatus, int> Counts => Enum.GetValues<CommitmentStatus>().ToDictionary(s => s, s => s switch
    {
        CommitmentStatus.NotStarted => NotStarted,
        CommitmentStatus.InProgress => InProgress,
        CommitmentStatus.Achieved => Achieved,
        CommitmentStatus.NotApplicable => NotApplicable,
        _ => throw new InvalidOperationException($"No published count for {s}: add its column."),
    });

    public int Reported => NotStarted + InProgress + Achieved + NotApplicable;
}
