namespace WeProtect.Summit.Data.Accreditations;

/// <summary>Requested by the delegate; approved by an organiser (the job then generates it); issued (signed PDF
/// stored); refused with a reason; failed after every attempt.</summary>
public enum VisaLetterStatus
{
    Requested,
    Approved,
    Generating,
    Issued,
    Refused,
    Failed,
}
