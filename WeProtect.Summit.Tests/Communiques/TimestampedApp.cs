using Microsoft.AspNetCore.Hosting;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Communiques;

/// <summary>The app with a local RFC 3161 timestamp authority configured, trusted through its certificate file
/// (which a test may replace, to make the authority untrusted), and a short timeout.</summary>
public sealed class TimestampedApp : SummitAppFactory
{
    public LocalTimestampAuthority Authority { get; } = new();

    public string TrustedCertificatePath => Path.Combine(DataFolder, "tsa", "trusted.cer");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Directory.CreateDirectory(Path.GetDirectoryName(TrustedCertificatePath)!);
        File.WriteAllBytes(TrustedCertificatePath, Authority.Certificate.RawData);
        builder.UseSetting(TimestampAuthority.AddressKey, Authority.Url);
        builder.UseSetting(TimestampAuthority.CertificateKey, TrustedCertificatePath);
        builder.UseSetting(TimestampAuthority.TimeoutKey, "3");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Authority.Dispose();
    }
}
