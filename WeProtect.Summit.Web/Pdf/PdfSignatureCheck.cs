using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.RegularExpressions;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>What <see cref="PdfSignatureVerifier"/> found. <see cref="IsValid"/> only when a signature is present,
/// its CMS signature checks over exactly the bytes its /ByteRange names, and that range covers the whole file but the
/// signature's own /Contents (nothing was appended after signing). <see cref="Problem"/> says in words what is
/// wrong.</summary>
public sealed record PdfSignatureCheck(
    bool LooksLikePdf,
    bool SignaturePresent,
    bool SignatureValid,
    bool CoversWholeFile,
    string? SignerThumbprint,
    string? SignerSubject,
    string? Problem)
{
    public bool IsValid => LooksLikePdf && SignaturePresent && SignatureValid && CoversWholeFile;

    /// <summary>The signature's /SubFilter (<c>ETSI.CAdES.detached</c> for PAdES), when present.</summary>
    public string? SubFilter { get; init; }

    /// <summary>The time of the embedded RFC 3161 signature timestamp, verified over the signature value; null without one.</summary>
    public DateTimeOffset? TimestampUtc { get; init; }

    /// <summary>The subject of the timestamp authority's certificate that signed <see cref="TimestampUtc"/>.</summary>
    public string? TimestampAuthority { get; init; }

    /// <summary>The English template of <see cref="Problem"/> ("The signature cannot be decoded: {0}") and its values:
    /// <see cref="Problem"/> stays English for logs and tests; a page shows the template translated.</summary>
    public string? ProblemTemplate { get; init; }

    public IReadOnlyList<string> ProblemValues { get; init; } = [];
}
