namespace WeProtect.Summit.Data.Summits;

public enum SummitStatus
{
    /// <summary>Being prepared; visible to organisers only.</summary>
    Draft,
    /// <summary>Public; delegates may register inside the registration window.</summary>
    Open,
    /// <summary>Public; registration is over.</summary>
    Closed,
    /// <summary>Past and kept for the record.</summary>
    Archived,
}
