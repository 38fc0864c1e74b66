namespace WeProtect.Summit.Data.Statements;

public static class StatementAudiences
{
    private static readonly (StatementAudience Audience, string Token)[] Map =
    [
        (StatementAudience.All, "all"),
        (StatementAudience.Government, "government"),
        (StatementAudience.InternationalOrganisation, "international-organisation"),
        (StatementAudience.PrivateSector, "private-sector"),
        (StatementAudience.CivilSociety, "civil-society"),
    ];

    /// <summary>The tokens in the order they are listed to organisers.</summary>
    public static IReadOnlyList<string> Tokens { get; } = Map.Select(m => m.Token).ToArray();

    public static string Token(this StatementAudience audience) => Map.First(m => m.Audience == audience).Token;

    /// <summary>Exact, lowercase match only: <c>Government</c> is not a token.</summary>
    public static bool TryParse(string? token, out StatementAudience audience)
    {
        foreach (var (a, t) in Map)
        {
            if (string.Equals(t, token, StringComparison.Ordinal)) { audience = a; return true; }
        }
        audience = default;
        return false;
    }
}

/// <summary>A statement's text read into its parts. Only a text without errors becomes a document.</summary>
