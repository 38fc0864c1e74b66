namespace WeProtect.Summit.Data.Reporting;

/// <summary>A report is a draft until submitted; a submitted report is frozen, and superseded (never edited) by the
/// organisation's next submission in the same cycle.</summary>
public enum ProgressReportStatus
{
    Draft,
    Submitted,
    Superseded,
}
