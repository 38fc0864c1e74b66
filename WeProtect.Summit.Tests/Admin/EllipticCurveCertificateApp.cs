using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Admin;

/// <summary>The app with a configured signing certificate whose key is on the given elliptic curve (ECDSA with SHA-256,
/// key usage digitalSignature and nonRepudiation), written to the data folder before the app starts.</summary>
public sealed class EllipticCurveCertificateApp : SummitAppFactory
{
    private const string CertificatePassword = "test EC certificate password";

    private readonly string certificatePath;

    public EllipticCurveCertificateApp(ECCurve curve)
    {
        // Beside the data folder, not in it: the app copies its start template only into a folder that does not exist.
        certificatePath = DataFolder + "-signing-ec.pfx";
        Directory.CreateDirectory(Path.GetDirectoryName(certificatePath)!);
        using var key = ECDsa.Create(curve);
        var request = new CertificateRequest("CN=WeProtect Summit EC test signing", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddYears(-10), now.AddYears(10));
        File.WriteAllBytes(certificatePath, certificate.Export(X509ContentType.Pfx, CertificatePassword));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(SigningCertificates.PathKey, certificatePath);
        builder.UseSetting(SigningCertificates.PasswordKey, CertificatePassword);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(certificatePath);
    }
}
