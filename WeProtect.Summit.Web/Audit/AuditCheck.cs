using WeProtect.Summit.Data.Audit;

namespace WeProtect.Summit.Web.Audit;

/// <summary>The verdict on the audit trail: the chain walked (hashes and MACs), then compared with the last signed
/// checkpoint kept outside the database. <see cref="Problem"/> is null when both hold.</summary>
public sealed record AuditCheck(AuditVerification Chain, AuditCheckpoint? LastCheckpoint, string? CheckpointProblem)
{
    public bool IsIntact => Chain.IsIntact && CheckpointProblem is null;
    public string? Problem => Chain.Problem is { } chain ? $"Row {Chain.BrokenAtSequence}: {chain}." : CheckpointProblem;
}
