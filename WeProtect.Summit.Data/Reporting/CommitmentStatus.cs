namespace WeProtect.Summit.Data.Reporting;

/// <summary>Where an organisation stands on one commitment. Stored as its name.</summary>
public enum CommitmentStatus
{
    NotStarted,
    InProgress,
    Achieved,
    NotApplicable,
}
