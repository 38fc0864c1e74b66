using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Data.Reporting;

/// <summary>What a reporting cycle covers: its statements (in the order they were chosen), all their commitments,
/// and the organisations that must report, each with its own commitments (see <see cref="TrackedCommitments"/>).</summary>
/// <param name="Texts">The statements' agreed texts as parsed for the commitments, for what else is read from them (the
/// names of their parts) without parsing them again.</param>
public sealed record CycleScope(int CycleId, IReadOnlyList<(int Id, string Title)> Statements, IReadOnlyList<TrackedCommitment> Commitments,
    IReadOnlyList<CycleScope.Reporter> Reporters, IReadOnlyList<CycleScope.AgreedText> Texts)
{
    /// <summary>A statement's agreed (final) text, parsed (<see cref="TrackedCommitments.AgreedTextsAsync"/>); no document
    /// when the grammar refuses the text.</summary>
    public sealed record AgreedText(int Id, string Title, StatementDocument? Document);

    /// <param name="EndorsementEndedUtc">Null while the organisation endorses one of the cycle's statements it reports on; else
    /// when its last endorsement ended (withdrawn, or ended with its membership): it is in the cycle only by the report it
    /// submitted before, which stays in the record (<see cref="ReportingDesk.RefuseNewReportAsync"/>).</param>
    public sealed record Reporter(int OrganisationId, string FormalName, string SortName, Sector Sector, IReadOnlyList<TrackedCommitment> Commitments,
        DateTime? EndorsementEndedUtc = null)
    {
        /// <summary>What its current submission counts for in the cycle's figures: <see cref="Commitments"/> (what it reports
        /// on from now, what it still endorses), and those of an endorsement that ended after that submission, which was made
        /// while it endorsed. A later submission no longer answers them, and then they leave the record's count too.</summary>
        public IReadOnlyList<TrackedCommitment> Recorded { get; init; } = Commitments;

        /// <summary>In the cycle only by a report submitted before its endorsement ended.</summary>
        public bool ByItsRecordOnly => EndorsementEndedUtc is not null;
    }

    public Reporter? Of(int organisationId) => Reporters.FirstOrDefault(r => r.OrganisationId == organisationId);
}
