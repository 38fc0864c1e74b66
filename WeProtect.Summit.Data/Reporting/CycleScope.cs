using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Data.Reporting;

/// <summary>What a reporting cycle covers: its statements (in the order they were chosen), all their commitments,
/// and the organisations that must report, each with its own commitments (see <see cref="TrackedCommitments"/>).</summary>
public sealed record CycleScope(int CycleId, IReadOnlyList<(int Id, string Title)> Statements, IReadOnlyList<TrackedCommitment> Commitments,
    IReadOnlyList<CycleScope.Reporter> Reporters)
{
    public sealed record Reporter(int OrganisationId, string FormalName, string SortName, Sector Sector, IReadOnlyList<TrackedCommitment> Commitments);

    public Reporter? Of(int organisationId) => Reporters.FirstOrDefault(r => r.OrganisationId == organisationId);
}
