namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>Section "Deployment". <c>Deployment:Nodes</c> (default 1) says how many app instances serve the same
/// summit behind one address. With more than one, everything a node would otherwise make for itself must be shared,
/// and the app refuses to start (whatever the environment) until it is:
/// <list type="bullet">
/// <item>a server database (PostgreSQL or SQL Server), which also holds the one job queue: SQLite and the in-memory
/// queue serve one node;</item>
/// <item>the communiqué signing certificate (<c>Communiques:Certificate:Path</c>): a development certificate made by
/// each node would sign each communiqué with whichever node ran the job;</item>
/// <item>the data-protection key certificate (<c>DataProtection:Certificate:Path</c>): the keys are shared through the
/// database, but a certificate generated per node could not read the other nodes' keys (sign-ins, antiforgery tokens
/// and authenticator secrets would work on one node only).</item>
/// </list></summary>
public static class DeploymentSettings
{
    public const string NodesKey = "Deployment:Nodes";

    public static int Nodes(IConfiguration configuration) =>
        int.TryParse(configuration[NodesKey], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;

    /// <summary>Null when one node, or several with everything they must share configured; else the message to print.</summary>
    public static string? Refusal(IConfiguration configuration)
    {
        if (configuration[NodesKey] is { Length: > 0 } raw && !int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            return $"{NodesKey} is '{raw}': give the number of app instances (1 when alone).";
        var nodes = Nodes(configuration);
        if (nodes <= 1) return null;
        var problems = new List<string>();
        if (DatabaseSetup.Provider(configuration) == DatabaseSetup.Sqlite)
            problems.Add("Database:Provider must be Postgres or SqlServer (with ConnectionStrings:Summit): SQLite and the in-memory job queue serve one node.");
        if (string.IsNullOrWhiteSpace(configuration[Pdf.SigningCertificates.PathKey]))
            problems.Add($"{Pdf.SigningCertificates.PathKey} (and {Pdf.SigningCertificates.PasswordKey}) must name the signing certificate every node uses: "
                + "a development certificate is never created per node.");
        if (string.IsNullOrWhiteSpace(configuration[KeyEncryptionCertificate.PathKey]))
            problems.Add($"{KeyEncryptionCertificate.PathKey} (and {KeyEncryptionCertificate.PasswordKey}) must name the certificate that protects the shared "
                + "data-protection keys: one generated per node could not read the keys of the others.");
        return problems.Count == 0 ? null
            : $"WeProtect Summit will not start as one of {nodes} nodes ({NodesKey}={nodes}) without these settings:" + Environment.NewLine
              + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)) + Environment.NewLine
              + "See \"Several web nodes\" in README.md.";
    }
}
