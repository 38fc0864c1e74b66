using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>The certificate a communiqué is signed with, and whether it is the self-signed development one.</summary>
public sealed record SigningCertificate(X509Certificate2 Certificate, bool SelfSigned) : IDisposable
{
    public string Thumbprint => Certificate.Thumbprint;
    public string Subject => Certificate.Subject;
    public void Dispose() => Certificate.Dispose();
}
