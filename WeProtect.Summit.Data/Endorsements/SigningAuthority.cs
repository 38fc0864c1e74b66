namespace WeProtect.Summit.Data.Endorsements;

/// <summary>The right of one user to endorse statements on behalf of one organisation, granted by an organiser on
/// evidence (a credentials letter) and revocable with a reason. The row stays after revocation. A grant is only
/// usable while the user has two-factor authentication enabled.</summary>
public class SigningAuthority
{
    public const int EvidenceMaxLength = 300;
    public const int ReasonMaxLength = 1000;

    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisations.Organisation Organisation { get; set; } = null!;
    public string UserId { get; set; } = "";
    /// <summary>The credentials letter's reference, e.g. "Note verbale 2024/117".</summary>
    public string EvidenceReference { get; set; } = "";
    public DateOnly EvidenceDate { get; set; }
    public string GrantedByUserId { get; set; } = "";
    public DateTime GrantedUtc { get; set; }

    public DateTime? RevokedUtc { get; private set; }
    public string? RevokedByUserId { get; private set; }
    public string? RevocationReason { get; private set; }

    /// <summary>Not revoked. A live signatory also needs two-factor authentication: query with
    /// <see cref="SigningAuthorities.Live"/>.</summary>
    public bool IsLive => RevokedUtc is null;

    public DeskText? Revoke(string reason, string byUserId, DateTime nowUtc)
    {
        if (!IsLive) return "This signing authority was already revoked.";
        if (string.IsNullOrWhiteSpace(reason)) return "Give a reason for revoking the signing authority.";
        if (reason.Length > ReasonMaxLength) return $"The reason is longer than {ReasonMaxLength} characters.";
        RevokedUtc = nowUtc;
        RevokedByUserId = byUserId;
        RevocationReason = reason.Trim();
        return null;
    }
}
