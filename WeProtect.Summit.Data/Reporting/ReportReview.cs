namespace WeProtect.Summit.Data.Reporting;

/// <summary>Where the secretariat's reading of a submission stands. A clarification is asked with a note the focal
/// point sees; they answer with a new submission (which starts unread again). Stored as its name.</summary>
public enum ReportReview
{
    Unread,
    ClarificationAsked,
    Accepted,
}
