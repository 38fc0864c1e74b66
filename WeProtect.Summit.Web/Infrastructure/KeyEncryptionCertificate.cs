using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>The certificate that encrypts the data-protection keys at rest (they sit in the database beside the
/// data they protect: cookies, antiforgery tokens, authenticator secrets). The configured PFX
/// (<c>DataProtection:Certificate:Path</c> and <c>:Password</c>), else one generated once in the data folder,
/// readable by the app's own user only (0600), so that a copy of the database alone does not hold usable keys.</summary>
public static class KeyEncryptionCertificate
{
    public const string PathKey = "DataProtection:Certificate:Path";
    public const string PasswordKey = "DataProtection:Certificate:Password";
    public const string GeneratedFileName = "key-encryption.pfx";
    private static readonly Lock Gate = new();

    public static X509Certificate2 Load(IConfiguration configuration, DataFolder data)
    {
        var path = configuration[PathKey];
        if (!string.IsNullOrWhiteSpace(path))
        {
            if (!File.Exists(path)) throw new InvalidOperationException($"{PathKey} names a file that does not exist.");
            return X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordKey], X509KeyStorageFlags.EphemeralKeySet);
        }
        var generated = GeneratedPath(data);
        lock (Gate)
        {
            if (!File.Exists(generated)) Create(generated);
        }
        return X509CertificateLoader.LoadPkcs12FromFile(generated, null, X509KeyStorageFlags.EphemeralKeySet);
    }

    public static string GeneratedPath(DataFolder data) => data.Combine("keys", GeneratedFileName);

    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=WeProtect Summit key encryption", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(100));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var stream = new FileStream(temporary, options)) stream.Write(certificate.Export(X509ContentType.Pfx));
        // Another app instance on the same folder may have won: keep theirs, the keys it encrypted need it.
        try { File.Move(temporary, path, overwrite: false); }
        catch (IOException) when (File.Exists(path)) { File.Delete(temporary); }
    }
}
