namespace WeProtect.Summit.Data.Reporting;

/// <summary>The right of one user to report an organisation's progress, granted by an organiser and revocable with
/// a reason (the row stays). Unlike a signing authority it needs no two-factor authentication to draft; submitting
/// does (checked when submitting).</summary>
public class ReportingFocalPoint
{
    public const int ReasonMaxLength = 1000;

    private ReportingFocalPoint() { }

    public ReportingFocalPoint(int organisationId, string userId, string grantedByUserId, DateTime grantedUtc)
    {
        OrganisationId = organisationId;
        UserId = userId;
        GrantedByUserId = grantedByUserId;
        GrantedUtc = grantedUtc;
    }

    public int Id { get; private set; }
    public int OrganisationId { get; private set; }
    public Organisations.Organisation Organisation { get; private set; } = null!;
    public string UserId { get; private set; } = "";
    public string GrantedByUserId { get; private set; } = "";
    public DateTime GrantedUtc { get; private set; }
    public DateTime? RevokedUtc { get; private set; }
    public string? RevokedByUserId { get; private set; }
    public string? RevocationReason { get; private set; }

    public bool IsLive => RevokedUtc is null;

    public DeskText? Revoke(string? reason, string byUserId, DateTime nowUtc)
    {
        if (!IsLive) return "This focal point was already revoked.";
        if (string.IsNullOrWhiteSpace(reason)) return "Give a reason for revoking the focal point.";
        if (reason.Length > ReasonMaxLength) return $"The reason is longer than {ReasonMaxLength} characters.";
        RevokedUtc = nowUtc;
        RevokedByUserId = byUserId;
        RevocationReason = reason.Trim();
        return null;
    }
}
