namespace WeProtect.Summit.Data.Accreditations;

/// <summary>Requested by the delegate; approved by an organiser (the job then generates it); issued (signed PDF
/// stored); refused with a reason; failed after every attempt; withdrawn when the travel document it printed changed
/// or the registration ended (the delegate may ask again).</summary>
public enum VisaLetterStatus
{
    Requested,
    Approved,
    Generating,
    Issued,
    Refused,
    Failed,
    Withdrawn,
}
