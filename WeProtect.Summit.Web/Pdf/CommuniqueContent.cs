using PdfSharp.Pdf;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>Everything a communiqué prints, as plain values: the job builds it from the database, the benchmark and
/// the tests build it by hand. <paramref name="Signatories"/> are already in "Agreed by" order for
/// <paramref name="AgreedByLayout"/> (<see cref="AgreedBy.Order"/>). A <paramref name="Revision"/> after the first says so,
/// with the publication time of the revision it supersedes. A communiqué in a translation gives its
/// <paramref name="Language"/>, the translation's hash as <paramref name="ContentHash"/>, and the authoritative language and
/// hash (<paramref name="AuthoritativeLanguage"/>, <paramref name="AuthoritativeHash"/>). <paramref name="Checkpoint"/> is the
/// signed audit checkpoint written when the list was read: printed (rows, head hash) and attached to the file.</summary>
public sealed record CommuniqueContent(
    string SummitName,
    string SummitWhenWhere,
    StatementDocument Document,
    int VersionNumber,
    string ContentHash,
    IReadOnlyList<Signatory> Signatories,
    DateTime PublishedUtc,
    TimeZoneInfo SummitZone,
    AgreedByLayout AgreedByLayout = AgreedByLayout.BySector,
    int Revision = 1,
    DateTime? SupersedesPublishedUtc = null,
    string Language = "en",
    string? AuthoritativeLanguage = null,
    string? AuthoritativeHash = null,
    Audit.AuditCheckpoint? Checkpoint = null)
{
    /// <summary>This PDF prints a translation, not the authoritative text.</summary>
    public bool IsTranslation => AuthoritativeHash is not null;
}
