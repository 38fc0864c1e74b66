using Microsoft.AspNetCore.Hosting;

namespace WeProtect.Summit.Tests.Support;

/// <summary>The app in-process on a PostgreSQL database that others use too (the two-node tests' separate app
/// processes), given by its connection string; it neither creates nor drops the database. Used to write test data
/// through the usual helpers before the nodes start. It takes the nodes' key certificate, so that the data-protection
/// keys it leaves in the database are ones the nodes can read, and, when given, their audit key (base64), so that the
/// audit rows it writes verify with the nodes' own.</summary>
public sealed class SharedPostgresAppFactory(string connectionString, string keyCertificatePath, string keyCertificatePassword,
    string? auditKey = null) : SummitAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Summit", connectionString);
        builder.UseSetting("DataProtection:Certificate:Path", keyCertificatePath);
        builder.UseSetting("DataProtection:Certificate:Password", keyCertificatePassword);
        if (auditKey is not null) builder.UseSetting($"Audit:Keys:{PostgresNodes.AuditKeyId}", auditKey);
    }
}
