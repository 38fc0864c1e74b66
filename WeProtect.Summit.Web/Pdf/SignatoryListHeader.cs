using System.Text.Json;
using System.Text.Json.Serialization;
using PdfSharp.Pdf;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>What a signatory list download is about.</summary>
public sealed record SignatoryListHeader(int StatementId, string StatementTitle, string SummitName, string? ContentHash, DateTime GeneratedUtc);
