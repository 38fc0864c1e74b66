namespace WeProtect.Summit.Data.Registrations;

/// <summary>Pending → Approved / Waitlisted / Rejected; any of them → Cancelled by the delegate.</summary>
public enum RegistrationStatus
{
    Pending,
    Approved,
    Waitlisted,
    Rejected,
    Cancelled,
}
