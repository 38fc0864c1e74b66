using System.Globalization;

namespace WeProtect.Summit.Data.Statements;

/// <summary>Whether a translation has the structure of the authoritative text it translates: the same preamble and
/// closing blocks, part headings, sections (audiences), commitments, lettered items and section texts, hence the same
/// anchors. <see cref="FirstDifference"/> names the first difference in reading order, in the drafter's words.</summary>
public static class TranslationStructure
{
    private const string A = "the authoritative text";
    private const string T = "this translation";

    /// <summary>The first difference, or null when the structures (and every anchor) are the same.</summary>
    public static string? FirstDifference(StatementDocument authoritative, StatementDocument translation)
    {
        if (authoritative.Audience != translation.Audience)
            return $"The title is addressed to {Audience(authoritative.Audience)} in {A} and to {Audience(translation.Audience)} in {T}.";
        if (Blocks("The preamble", authoritative.Preamble, translation.Preamble) is { } preamble) return preamble;
        if (Count("part heading", "part headings", authoritative.Headings.Count(h => h.Anchor != "closing"), translation.Headings.Count(h => h.Anchor != "closing"), "The statement") is { } parts)
            return parts;
        if (Count("section", "sections", authoritative.Sections.Count, translation.Sections.Count, "The statement") is { } sections) return sections;
        for (var i = 0; i < authoritative.Sections.Count; i++)
            if (Section(i + 1, authoritative.Sections[i], translation.Sections[i]) is { } section) return section;
        var closingA = authoritative.Headings.Any(h => h.Anchor == "closing") || authoritative.Closing.Count > 0;
        var closingT = translation.Headings.Any(h => h.Anchor == "closing") || translation.Closing.Count > 0;
        if (closingA != closingT)
            return closingA ? $"{Cap(A)} has a closing part and {T} has none." : $"{Cap(T)} has a closing part and {A} has none.";
        if (Blocks("The closing part", authoritative.Closing, translation.Closing) is { } closing) return closing;
        // Anything the walk above does not name (a part heading moved between sections, say) still shows in the anchors.
        var anchorsA = authoritative.Anchors().ToList();
        var anchorsT = translation.Anchors().ToList();
        for (var i = 0; i < Math.Max(anchorsA.Count, anchorsT.Count); i++)
        {
            var a = i < anchorsA.Count ? anchorsA[i] : null;
            var t = i < anchorsT.Count ? anchorsT[i] : null;
            if (a != t) return $"Part {i + 1} is {a ?? "missing"} in {A} and {t ?? "missing"} in {T}: the parts must come in the same order.";
        }
        return null;
    }

    private static string? Section(int n, StatementSection a, StatementSection t)
    {
        if (a.Audience != t.Audience || a.TitleAudience != t.TitleAudience)
            return $"Section {n} is addressed to {Audience(a.Audience)} in {A} and to {Audience(t.Audience)} in {T}.";
        if (a.Anchor != t.Anchor) return $"Section {n} is anchored {a.Anchor} in {A} and {t.Anchor} in {T}.";
        if (Count("commitment", "commitments", a.Commitments.Count, t.Commitments.Count, $"Section {n}") is { } commitments) return commitments;
        if (Count("introducing paragraph", "introducing paragraphs", a.Texts.Count, t.Texts.Count, $"Section {n}") is { } texts) return texts;
        for (var i = 0; i < a.Commitments.Count; i++)
        {
            var (ca, ct) = (a.Commitments[i], t.Commitments[i]);
            if (ca.Bullet != ct.Bullet)
                return $"Commitment {i + 1} of section {n} is {(ca.Bullet ? "a bullet" : "numbered")} in {A} and {(ct.Bullet ? "a bullet" : "numbered")} in {T}.";
            if (ca.Anchor != ct.Anchor)
                return $"Commitment {i + 1} of section {n} is numbered {ca.Number.ToString(CultureInfo.InvariantCulture)} in {A} and {ct.Number.ToString(CultureInfo.InvariantCulture)} in {T}.";
            if (Count("lettered item", "lettered items", ca.Items.Count, ct.Items.Count, $"Commitment {ca.Anchor}") is { } items) return items;
            for (var j = 0; j < ca.Items.Count; j++)
                if (ca.Items[j].Letter != ct.Items[j].Letter)
                    return $"Item {(j + 1).ToString(CultureInfo.InvariantCulture)} of commitment {ca.Anchor} is lettered {ca.Items[j].Letter} in {A} and {ct.Items[j].Letter} in {T}.";
        }
        // Introducing paragraphs between the same commitments: the reading order of the section's parts.
        var orderA = a.Content().Select(c => c is SectionText ? "text" : "commitment").ToList();
        var orderT = t.Content().Select(c => c is SectionText ? "text" : "commitment").ToList();
        if (!orderA.SequenceEqual(orderT)) return $"Section {n}'s paragraphs and commitments come in a different order in {T} than in {A}.";
        return null;
    }

    private static string? Blocks(string where, IReadOnlyList<PreambleBlock> a, IReadOnlyList<PreambleBlock> t)
    {
        if (Count("block", "blocks", a.Count, t.Count, where, "(paragraphs, lists and numbered paragraphs)") is { } count) return count;
        for (var i = 0; i < a.Count; i++)
        {
            var (ba, bt) = (a[i], t[i]);
            if (ba.Kind != bt.Kind)
                return $"{where}'s block {(i + 1).ToString(CultureInfo.InvariantCulture)} is {Kind(ba.Kind)} in {A} and {Kind(bt.Kind)} in {T}.";
            if (ba.Kind == PreambleBlockKind.BulletList && ba.Bullets.Count != bt.Bullets.Count)
                return $"{where}'s list {ba.Anchor} has {ba.Bullets.Count.ToString(CultureInfo.InvariantCulture)} bullets in {A} and {bt.Bullets.Count.ToString(CultureInfo.InvariantCulture)} in {T}.";
            if (ba.Number != bt.Number)
                return $"{where}'s paragraph {ba.Anchor} is numbered {ba.Number.ToString(CultureInfo.InvariantCulture)} in {A} and {bt.Number.ToString(CultureInfo.InvariantCulture)} in {T}.";
        }
        return null;
    }

    private static string? Count(string one, string many, int a, int t, string who, string? note = null) =>
        a == t ? null
            : $"{who} has {a.ToString(CultureInfo.InvariantCulture)} {(a == 1 ? one : many)}{(note is null ? "" : " " + note)} in {A} and {t.ToString(CultureInfo.InvariantCulture)} in {T}.";

    private static string Kind(PreambleBlockKind kind) => kind switch
    {
        PreambleBlockKind.BulletList => "a bullet list",
        PreambleBlockKind.Numbered => "a numbered paragraph",
        _ => "a paragraph",
    };

    private static string Audience(StatementAudience? audience) => audience is { } a ? a.Token() : "no audience";

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
