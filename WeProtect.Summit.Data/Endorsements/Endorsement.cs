namespace WeProtect.Summit.Data.Endorsements;

/// <summary>An organisation's signature on a statement, bound to the exact version and its content hash that the
/// signatory confirmed. At most one live (not withdrawn) endorsement per organisation per statement: a filtered
/// unique index enforces it. What was signed is set once, when the desk makes the row (init-only); a withdrawal keeps
/// the row and records when, who and why.</summary>
public class Endorsement
{
    public const int PrintedMaxLength = 200;
    public const int ReasonMaxLength = 1000;
    public const int DeclarationMaxLength = 2000;
    public const int SourceMaxLength = 500;

    public int Id { get; set; }
    public int StatementId { get; init; }
    public int OrganisationId { get; init; }
    public Organisations.Organisation Organisation { get; set; } = null!;
    public int StatementVersionId { get; init; }
    /// <summary>SHA-256 (lowercase hex) of the canonical text signed; equals the version's hash.</summary>
    public string ContentHash { get; init; } = "";
    public string SignerUserId { get; init; } = "";
    public string PrintedName { get; init; } = "";
    public string PrintedPosition { get; init; } = "";
    public DateTime SignedUtc { get; init; }
    /// <summary>A declaration or reservation the organisation attached when signing (plain text, treaty practice),
    /// printed as a numbered note after its name; null when none. Part of what the signatory confirmed, recorded with
    /// its SHA-256 in the audit event.</summary>
    public string? Declaration { get; init; }
    /// <summary>Where the secretariat read this endorsement, for a statement of a summit recorded afterwards ("The
    /// communiqué of the Addis Ababa summit, 11 December 2019"): nobody signed it here, <see cref="SignerUserId"/> is
    /// the organiser who recorded it and <see cref="SignedUtc"/> the day agreed. Null for an endorsement signed here.</summary>
    public string? RecordedFrom { get; init; }

    public DateTime? WithdrawnUtc { get; private set; }
    public string? WithdrawnByUserId { get; private set; }
    /// <summary>The reason the signatory or organiser gave, as written; null when the endorsement ended because the
    /// organisation left the Alliance (<see cref="LeftAllianceOn"/>), which each reader is told in their language.</summary>
    public string? WithdrawalReason { get; private set; }
    /// <summary>The day the organisation left the Alliance, when that ended this endorsement of a standing statement.</summary>
    public DateOnly? LeftAllianceOn { get; private set; }

    public bool IsLive => WithdrawnUtc is null;

    private const string AlreadyWithdrawn = "This endorsement was already withdrawn.";

    /// <summary>Why this endorsement cannot be withdrawn with <paramref name="reason"/>, or null when it can: asked
    /// before the authenticator code is claimed, so that a refused reason does not use up the code.</summary>
    public DeskText? WhyNotWithdrawn(string? reason)
    {
        if (!IsLive) return AlreadyWithdrawn;
        if (string.IsNullOrWhiteSpace(reason)) return "Give a reason for withdrawing the endorsement.";
        if (reason.Length > ReasonMaxLength) return $"The reason is longer than {ReasonMaxLength} characters.";
        return null;
    }

    public DeskText? Withdraw(string reason, string byUserId, DateTime nowUtc)
    {
        if (WhyNotWithdrawn(reason) is { } refusal) return refusal;
        WithdrawnUtc = nowUtc;
        WithdrawnByUserId = byUserId;
        WithdrawalReason = reason.Trim();
        return null;
    }

    /// <summary>Ends this endorsement because its organisation left the Alliance on <paramref name="leftOn"/>: a
    /// withdrawal whose reason is the day, not words in one language.</summary>
    public DeskText? EndOnLeaving(DateOnly leftOn, string byUserId, DateTime nowUtc)
    {
        if (!IsLive) return AlreadyWithdrawn;
        WithdrawnUtc = nowUtc;
        WithdrawnByUserId = byUserId;
        LeftAllianceOn = leftOn;
        return null;
    }
}
