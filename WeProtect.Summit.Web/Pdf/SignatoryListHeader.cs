using System.Text.Json;
using System.Text.Json.Serialization;
using PdfSharp.Pdf;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>What a signatory list download is about: the statement, and the communiqué revision whose list it is
/// (null before publication, when organisers read the list as it stands).</summary>
public sealed record SignatoryListHeader(int StatementId, string StatementTitle, string SummitName, string? ContentHash, DateTime GeneratedUtc,
    int? Revision = null);
