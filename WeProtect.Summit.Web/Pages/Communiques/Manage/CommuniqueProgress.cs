using WeProtect.Summit.Data.Communiques;

namespace WeProtect.Summit.Web.Pages.Communiques.Manage;

/// <summary>What the publishing page reports of a communiqué, read without its PDF bytes (the entity's status
/// changes only through its methods, so a projection cannot build an entity).</summary>
public sealed record CommuniqueProgress(
    int Id, CommuniqueStatus Status, DateTime QueuedUtc, int Attempts, string? LastError, DateTime? NextAttemptUtc,
    DateTime? FailedUtc, DateTime? PublishedUtc, DateTime? LeaseUntilUtc, string? Sha256, int SignatoryCount, bool SelfSignedCertificate,
    int Revision, DateTime? ListAsOfUtc)
{
    /// <summary>See <see cref="Communique.Interrupted"/>.</summary>
    public bool Interrupted(DateTime nowUtc) => Communique.IsInterrupted(Status, LeaseUntilUtc, nowUtc);
}
