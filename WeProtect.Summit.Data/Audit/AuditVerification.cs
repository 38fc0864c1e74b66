using System.Security.Cryptography;
using System.Text.Json;

namespace WeProtect.Summit.Data.Audit;

/// <summary>The result of walking the chain: intact when <see cref="BrokenAtSequence"/> is null.</summary>
public sealed record AuditVerification(long IntactRows, long? BrokenAtSequence, string? Problem)
{
    public bool IsIntact => BrokenAtSequence is null;

    /// <summary>The hash of the last intact row (the genesis hash for an empty trail).</summary>
    public string HeadHash { get; init; } = AuditTrail.GenesisHash;
}
