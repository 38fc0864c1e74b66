using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Jobs;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Communiques;

/// <summary>The app with a signing certificate configured at a path where there is no file yet: every publishing
/// attempt fails as it would in production with a missing or unreadable PFX.</summary>
public sealed class MissingCertificateApp : SummitAppFactory
{
    public const string CertificatePassword = "test certificate password";

    public string CertificatePath => Path.Combine(DataFolder, "configured", "signing.pfx");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(SigningCertificates.PathKey, CertificatePath);
        builder.UseSetting(SigningCertificates.PasswordKey, CertificatePassword);
    }
}
