using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>Where the signing certificate comes from. Configured: a PFX file
/// (<c>Communiques:Certificate:Path</c>) and its password (<c>Communiques:Certificate:Password</c>), through
/// user-secrets or the environment (<c>Communiques__Certificate__Path</c>); it is read at every use, so a renewed
/// file is picked up without a restart, and an unreadable one fails the publishing job with a clear error (shown to
/// organisers, retried) rather than falling back silently.
///
/// Not configured: a self-signed development certificate (RSA 3072, SHA-256, key usage digitalSignature and
/// nonRepudiation, CN=WeProtect Summit development signing, valid five years) is created on first use in
/// <c>certificates/</c> of the data folder — never in the repository — as a PFX protected by a random password kept
/// beside it (<c>development-signing.pfx.password</c>, both readable by the app's user only). Later uses reuse it, so
/// every communiqué of an installation carries the same thumbprint. Communiqués signed with it are flagged
/// <see cref="SigningCertificate.SelfSigned"/>: pages say plainly that the signature is not from a trusted
/// authority.</summary>
public sealed class SigningCertificates(IConfiguration configuration, DataFolder data)
{
    public const string PathKey = "Communiques:Certificate:Path";
    public const string PasswordKey = "Communiques:Certificate:Password";
    public const string DevelopmentSubject = "CN=WeProtect Summit development signing";

    private static readonly Lock Gate = new();

    public string DevelopmentPfxPath => data.Combine("certificates", "development-signing.pfx");
    private string DevelopmentPasswordPath => DevelopmentPfxPath + ".password";

    /// <summary>The certificate to sign with now; the caller disposes it. Throws
    /// <see cref="SigningCertificateException"/> when the configured one cannot be used.</summary>
    public SigningCertificate Current()
    {
        var path = configuration[PathKey];
        if (!string.IsNullOrWhiteSpace(path))
        {
            X509Certificate2 certificate;
            try
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordKey], X509KeyStorageFlags.EphemeralKeySet);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
            {
                throw new SigningCertificateException(
                    $"The configured signing certificate ({PathKey}) could not be read: {ex.GetType().Name}: {ex.Message}", ex);
            }
            if (!certificate.HasPrivateKey)
            {
                certificate.Dispose();
                throw new SigningCertificateException($"The configured signing certificate ({PathKey}) has no private key.");
            }
            return new SigningCertificate(certificate, SelfSigned: IsSelfSigned(certificate));
        }
        // Start-up refuses this too (DeploymentSettings); checked again here so that no node ever signs with a
        // certificate of its own making, whatever changed in the configuration since.
        if (Infrastructure.DeploymentSettings.Nodes(configuration) > 1)
            throw new SigningCertificateException(
                $"{Infrastructure.DeploymentSettings.NodesKey} is above 1 and no signing certificate is configured ({PathKey}): a development certificate is never created per node.");
        return new SigningCertificate(Development(), SelfSigned: true);
    }

    /// <summary>The development certificate's thumbprint when one was made in the data folder (it signed before a
    /// certificate was configured), else null; never makes one.</summary>
    public string? DevelopmentThumbprint()
    {
        lock (Gate)
        {
            if (!File.Exists(DevelopmentPfxPath) || !File.Exists(DevelopmentPasswordPath)) return null;
            try
            {
                using var certificate = X509CertificateLoader.LoadPkcs12FromFile(DevelopmentPfxPath, File.ReadAllText(DevelopmentPasswordPath).Trim(),
                    X509KeyStorageFlags.EphemeralKeySet);
                return certificate.Thumbprint;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
            {
                return null;
            }
        }
    }

    private static bool IsSelfSigned(X509Certificate2 certificate) => certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);

    private X509Certificate2 Development()
    {
        lock (Gate)
        {
            if (!File.Exists(DevelopmentPfxPath) || !File.Exists(DevelopmentPasswordPath)) CreateDevelopment();
            var password = File.ReadAllText(DevelopmentPasswordPath).Trim();
            return X509CertificateLoader.LoadPkcs12FromFile(DevelopmentPfxPath, password, X509KeyStorageFlags.EphemeralKeySet);
        }
    }

    private void CreateDevelopment()
    {
        var folder = Path.GetDirectoryName(DevelopmentPfxPath)!;
        Directory.CreateDirectory(folder);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest(DevelopmentSubject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        // The wall clock, not the app's: PDF readers check the certificate's validity against the real time.
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(5));
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var pfx = certificate.Export(X509ContentType.Pfx, password);
        // Written under temporary names and moved, so that a crash never leaves a password without its PFX.
        var (tmpPfx, tmpPassword) = (DevelopmentPfxPath + ".tmp", DevelopmentPasswordPath + ".tmp");
        WritePrivate(tmpPassword, System.Text.Encoding.UTF8.GetBytes(password));
        WritePrivate(tmpPfx, pfx);
        File.Move(tmpPassword, DevelopmentPasswordPath, overwrite: true);
        File.Move(tmpPfx, DevelopmentPfxPath, overwrite: true);
    }

    private static void WritePrivate(string path, byte[] bytes)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        stream.Write(bytes);
    }
}
