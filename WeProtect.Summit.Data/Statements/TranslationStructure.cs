using System.Globalization;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Data.Statements;

/// <summary>Whether a translation has the structure of the authoritative text it translates: the same preamble and
/// closing blocks, part headings, sections (audiences), commitments, lettered items and section texts, hence the same
/// anchors. <see cref="FirstDifference"/> names the first difference in reading order, in the drafter's words, each
/// message one whole sentence to translate (counts as "Sections of the statement: 2 in …, 1 in …", which needs no
/// plural in any language).</summary>
public static class TranslationStructure
{
    /// <summary>The first difference, or null when the structures (and every anchor) are the same.</summary>
    public static DeskText? FirstDifference(StatementDocument authoritative, StatementDocument translation)
    {
        if (authoritative.Audience != translation.Audience)
            return $"The title is addressed to {Audience(authoritative.Audience)} in the authoritative text and to {Audience(translation.Audience)} in this translation.";
        if (Blocks(closing: false, authoritative.Preamble, translation.Preamble) is { } preamble) return preamble;
        var (partsA, partsT) = (authoritative.Headings.Count(h => h.Anchor != "closing"), translation.Headings.Count(h => h.Anchor != "closing"));
        if (partsA != partsT)
            return $"Part headings of the statement: {N(partsA)} in the authoritative text, {N(partsT)} in this translation.";
        if (authoritative.Sections.Count != translation.Sections.Count)
            return $"Sections of the statement: {N(authoritative.Sections.Count)} in the authoritative text, {N(translation.Sections.Count)} in this translation.";
        for (var i = 0; i < authoritative.Sections.Count; i++)
            if (Section(i + 1, authoritative.Sections[i], translation.Sections[i]) is { } section) return section;
        var closingA = authoritative.Headings.Any(h => h.Anchor == "closing") || authoritative.Closing.Count > 0;
        var closingT = translation.Headings.Any(h => h.Anchor == "closing") || translation.Closing.Count > 0;
        if (closingA && !closingT) return "The authoritative text has a closing part and this translation has none.";
        if (closingT && !closingA) return "This translation has a closing part and the authoritative text has none.";
        if (Blocks(closing: true, authoritative.Closing, translation.Closing) is { } closing) return closing;
        // Anything the walk above does not name (a part heading moved between sections, say) still shows in the anchors.
        var anchorsA = authoritative.Anchors().ToList();
        var anchorsT = translation.Anchors().ToList();
        for (var i = 0; i < Math.Max(anchorsA.Count, anchorsT.Count); i++)
        {
            var a = i < anchorsA.Count ? anchorsA[i] : null;
            var t = i < anchorsT.Count ? anchorsT[i] : null;
            if (a != t)
                return $"Part {N(i + 1)} is {Anchor(a)} in the authoritative text and {Anchor(t)} in this translation: the parts must come in the same order.";
        }
        return null;
    }

    private static DeskText? Section(int n, StatementSection a, StatementSection t)
    {
        var section = N(n);
        if (a.Audience != t.Audience || a.TitleAudience != t.TitleAudience)
            return $"Section {section} is addressed to {Audience(a.Audience)} in the authoritative text and to {Audience(t.Audience)} in this translation.";
        if (a.Anchor != t.Anchor) return $"Section {section} is anchored {a.Anchor} in the authoritative text and {t.Anchor} in this translation.";
        if (a.Commitments.Count != t.Commitments.Count)
            return $"Commitments of section {section}: {N(a.Commitments.Count)} in the authoritative text, {N(t.Commitments.Count)} in this translation.";
        if (a.Texts.Count != t.Texts.Count)
            return $"Introducing paragraphs of section {section}: {N(a.Texts.Count)} in the authoritative text, {N(t.Texts.Count)} in this translation.";
        for (var i = 0; i < a.Commitments.Count; i++)
        {
            var (ca, ct) = (a.Commitments[i], t.Commitments[i]);
            if (ca.Bullet != ct.Bullet)
                return $"Commitment {N(i + 1)} of section {section} is {Form(ca)} in the authoritative text and {Form(ct)} in this translation.";
            if (ca.Anchor != ct.Anchor)
                return $"Commitment {N(i + 1)} of section {section} is numbered {N(ca.Number)} in the authoritative text and {N(ct.Number)} in this translation.";
            if (ca.Items.Count != ct.Items.Count)
                return $"Lettered items of commitment {ca.Anchor}: {N(ca.Items.Count)} in the authoritative text, {N(ct.Items.Count)} in this translation.";
            for (var j = 0; j < ca.Items.Count; j++)
                if (ca.Items[j].Letter != ct.Items[j].Letter)
                    return $"Item {N(j + 1)} of commitment {ca.Anchor} is lettered {ca.Items[j].Letter} in the authoritative text and {ct.Items[j].Letter} in this translation.";
        }
        // Introducing paragraphs between the same commitments: the reading order of the section's parts.
        var orderA = a.Content().Select(c => c is SectionText ? "text" : "commitment").ToList();
        var orderT = t.Content().Select(c => c is SectionText ? "text" : "commitment").ToList();
        if (!orderA.SequenceEqual(orderT))
            return $"Section {section}'s paragraphs and commitments come in a different order in this translation than in the authoritative text.";
        return null;
    }

    /// <summary>The preamble's or the closing part's blocks (each message written out for each: "of the preamble" and
    /// "of the closing part" are said differently around them in other languages).</summary>
    private static DeskText? Blocks(bool closing, IReadOnlyList<PreambleBlock> a, IReadOnlyList<PreambleBlock> t)
    {
        if (a.Count != t.Count && closing)
            return $"Blocks of the closing part (paragraphs, lists and numbered paragraphs): {N(a.Count)} in the authoritative text, {N(t.Count)} in this translation.";
        if (a.Count != t.Count)
            return $"Blocks of the preamble (paragraphs, lists and numbered paragraphs): {N(a.Count)} in the authoritative text, {N(t.Count)} in this translation.";
        for (var i = 0; i < a.Count; i++)
        {
            var (ba, bt) = (a[i], t[i]);
            if (ba.Kind != bt.Kind && closing)
                return $"Block {N(i + 1)} of the closing part is {Kind(ba.Kind)} in the authoritative text and {Kind(bt.Kind)} in this translation.";
            if (ba.Kind != bt.Kind)
                return $"Block {N(i + 1)} of the preamble is {Kind(ba.Kind)} in the authoritative text and {Kind(bt.Kind)} in this translation.";
            if (ba.Kind == PreambleBlockKind.BulletList && ba.Bullets.Count != bt.Bullets.Count)
                return $"Bullets of list {ba.Anchor}: {N(ba.Bullets.Count)} in the authoritative text, {N(bt.Bullets.Count)} in this translation.";
            if (ba.Number != bt.Number)
                return $"Paragraph {ba.Anchor} is numbered {N(ba.Number)} in the authoritative text and {N(bt.Number)} in this translation.";
        }
        return null;
    }

    /// <summary>Numbers as the anchors write them (not grouped or in another script).</summary>
    private static string N(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static DeskText Kind(PreambleBlockKind kind) => kind switch
    {
        PreambleBlockKind.BulletList => "a bullet list",
        PreambleBlockKind.Numbered => "a numbered paragraph",
        _ => "a paragraph",
    };

    private static DeskText Form(StatementCommitment commitment) => commitment.Bullet ? "a bullet" : "numbered";

    /// <summary>An audience's token, a value kept as written; "no audience" is words to translate.</summary>
    private static object Audience(StatementAudience? audience) => audience is { } a ? (object)a.Token() : (DeskText)"no audience";

    private static object Anchor(string? anchor) => anchor ?? (object)(DeskText)"missing";
}
