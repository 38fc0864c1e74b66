namespace WeProtect.Summit.Data.Reporting;

/// <summary>What a member lets the public see of one report once the cycle is published, chosen by its focal point
/// with the report (saved with the draft, frozen at submission). The secretariat reads the whole report whatever the
/// choice, and a private report still counts as reported in the cycle's reporting rate. Stored as its name.</summary>
public enum ReportPublication
{
    /// <summary>The default: its statuses count in the public figures; its narratives and evidence stay with the secretariat.</summary>
    FiguresOnly,
    /// <summary>Statuses in the figures, and its narratives and evidence on the public pages.</summary>
    FiguresAndNarratives,
    /// <summary>Nothing of it is published: not its statuses, its narratives, its evidence, nor its hash.</summary>
    Private,
}
