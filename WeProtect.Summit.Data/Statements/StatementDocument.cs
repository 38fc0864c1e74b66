namespace WeProtect.Summit.Data.Statements;

/// <summary>Who a section of a statement speaks to. The text writes it as <c>{audience=token}</c>.</summary>
public enum StatementAudience
{
    All,
    Government,
    InternationalOrganisation,
    PrivateSector,
    CivilSociety,
}

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
public sealed record StatementDocument(
    string Title,
    IReadOnlyList<PreambleBlock> Preamble,
    IReadOnlyList<StatementSection> Sections)
{
    /// <summary>Every anchored part with its own words, in reading order: a preamble paragraph (a list's bullets one per
    /// line), a section's heading, a commitment's title, an item's text. What a comparison by anchor compares.</summary>
    public IEnumerable<(string Anchor, string Text)> Parts()
    {
        foreach (var p in Preamble)
            yield return (p.Anchor, p.Kind == PreambleBlockKind.BulletList ? string.Join("\n", p.Bullets) : p.Text);
        foreach (var s in Sections)
        {
            yield return (s.Anchor, $"{s.Heading} {{audience={s.Audience.Token()}}}");
            foreach (var c in s.Commitments)
            {
                yield return (c.Anchor, c.Title);
                foreach (var i in c.Items) yield return (i.Anchor, i.Text);
            }
        }
    }

    /// <summary>Every anchor in reading order: preamble blocks, then each section, its commitments and items.</summary>
    public IEnumerable<string> Anchors()
    {
        foreach (var p in Preamble) yield return p.Anchor;
        foreach (var s in Sections)
        {
            yield return s.Anchor;
            foreach (var c in s.Commitments)
            {
                yield return c.Anchor;
                foreach (var i in c.Items) yield return i.Anchor;
            }
        }
    }
}

public enum PreambleBlockKind { Paragraph, BulletList }

/// <summary>A preamble paragraph (<see cref="Text"/>) or bullet list (<see cref="Bullets"/>), anchored
/// <c>preamble-1</c>, <c>preamble-2</c>, … in order. Text keeps its inline Markdown.</summary>
public sealed record PreambleBlock(string Anchor, int Line, PreambleBlockKind Kind, string Text, IReadOnlyList<string> Bullets);

public sealed record StatementSection(
    string Heading,
    StatementAudience Audience,
    string Anchor,
    int Line,
    IReadOnlyList<StatementCommitment> Commitments);

public sealed record StatementCommitment(int Number, string Title, string Anchor, int Line, IReadOnlyList<StatementItem> Items);

public sealed record StatementItem(char Letter, string Text, string Anchor, int Line);

/// <summary>One thing wrong with a text, on a 1-based line of the (canonical, which has the same lines) text.</summary>
public sealed record StatementError(int Line, string Message)
{
    public override string ToString() => $"Line {Line}: {Message}";
}

/// <summary>Either a document or every error found, never both. <see cref="Canonical"/> and <see cref="Hash"/>
/// are what would be stored.</summary>
public sealed record StatementParseResult(
    string Canonical,
    string Hash,
    StatementDocument? Document,
    IReadOnlyList<StatementError> Errors)
{
    public bool IsValid => Document is not null;
}
