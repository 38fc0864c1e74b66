namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>Settings a production server must have before it answers anyone: the public address used in e-mailed
/// links and the host names it answers to. Checked at start-up, so that a forgotten setting stops the app with a
/// message instead of letting a forged Host header reach a link.</summary>
public static class ProductionSettings
{
    /// <summary>Null when the settings are fine (or not required in this environment), else the message to print.</summary>
    public static string? Refusal(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction()) return null;
        var problems = new List<string>();
        var baseUrl = configuration[Accounts.AccountLinks.PublicBaseUrlKey];
        if (string.IsNullOrWhiteSpace(baseUrl))
            problems.Add("PublicBaseUrl is not set. Set it to the address people use, e.g. PublicBaseUrl=https://summit.example.org (environment variable PublicBaseUrl).");
        else if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query.Length > 0)
            problems.Add($"PublicBaseUrl must be an absolute http(s) address without a query, e.g. https://summit.example.org.");
        var hosts = (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length == 0 || hosts.Any(h => h.Contains('*')))
            problems.Add("AllowedHosts must list the real host names, separated by ';', e.g. AllowedHosts=summit.example.org (not '*').");
        return problems.Count == 0 ? null
            : "WeProtect Summit will not start in Production without these settings:" + Environment.NewLine
              + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)) + Environment.NewLine
              + "See the Security section of README.md.";
    }
}
