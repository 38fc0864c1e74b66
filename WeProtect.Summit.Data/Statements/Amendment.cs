namespace WeProtect.Summit.Data.Statements;

/// <summary>Proposed new wording for one anchor of a version. Organisers accept it (which writes a new version
/// crediting the proposer's organisation) or reject it with a reason; either way the proposer is told.</summary>
public class Amendment
{
    public const int WordingMaxLength = 4000;
    public const int ReasonMaxLength = 1000;

    public int Id { get; set; }
    public int StatementId { get; set; }
    public int StatementVersionId { get; set; }
    public string Anchor { get; set; } = "";
    public string ProposedWording { get; set; } = "";
    public string? Explanation { get; set; }
    public string ProposerUserId { get; set; } = "";
    public string ProposerName { get; set; } = "";
    public int? OrganisationId { get; set; }
    public string? OrganisationName { get; set; }
    public DateTime CreatedUtc { get; set; }

    public AmendmentStatus Status { get; private set; } = AmendmentStatus.Pending;
    public DateTime? DecidedUtc { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public string? RejectionReason { get; private set; }
    /// <summary>The version that took the wording in, once accepted.</summary>
    public int? ResultingVersionId { get; private set; }
    public StatementVersion? ResultingVersion { get; private set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public DeskText? Accept(StatementVersion resulting, string deciderUserId, DateTime nowUtc)
    {
        if (AlreadyDecided() is { } decided) return decided;
        Status = AmendmentStatus.Accepted;
        ResultingVersion = resulting; // its id is known once saved
        DecidedByUserId = deciderUserId;
        DecidedUtc = nowUtc;
        return null;
    }

    public DeskText? Reject(string reason, string deciderUserId, DateTime nowUtc)
    {
        if (AlreadyDecided() is { } decided) return decided;
        if (string.IsNullOrWhiteSpace(reason)) return "Give the proposer a reason for rejecting the amendment.";
        if (reason.Length > ReasonMaxLength) return $"The reason is longer than {ReasonMaxLength} characters.";
        Status = AmendmentStatus.Rejected;
        RejectionReason = reason.Trim();
        DecidedByUserId = deciderUserId;
        DecidedUtc = nowUtc;
        return null;
    }

    /// <summary>Null while pending; else one sentence per decision, since other languages make the word agree.</summary>
    private DeskText? AlreadyDecided() => Status switch
    {
        AmendmentStatus.Pending => null,
        AmendmentStatus.Accepted => (DeskText)"This amendment was already accepted.",
        _ => (DeskText)"This amendment was already rejected.",
    };
}
