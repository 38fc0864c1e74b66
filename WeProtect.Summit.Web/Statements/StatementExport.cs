using System.Text;
using Microsoft.AspNetCore.Http;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Web.Statements;

/// <summary>A version's canonical Markdown as a download: byte for byte what was hashed, the hash in a header and in
/// the file name. Shared by the organisers' edit page and the public text page.</summary>
public static class StatementExport
{
    public static FileContentResult Markdown(HttpResponse response, Statement statement, StatementVersion version)
    {
        response.Headers["X-Content-SHA256"] = version.ContentHash;
        var bytes = new UTF8Encoding(false).GetBytes(version.Text);
        return new FileContentResult(bytes, "text/markdown; charset=utf-8") { FileDownloadName = FileName(statement, version, "md") };
    }

    public static string FileName(Statement statement, StatementVersion version, string extension) =>
        $"statement-{statement.Id}-v{version.Number}-{version.ContentHash[..12]}.{extension}";
}
