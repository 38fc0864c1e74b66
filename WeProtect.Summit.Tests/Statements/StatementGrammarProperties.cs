using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>Properties of the grammar over generated texts (FsCheck): any string, and texts built from lines that look
/// like the grammar (markers, headings, numbers, letters, bullets, indentation, noncharacters and lone surrogates), so
/// that the generated texts reach deep into the parser rather than stopping at "no title".</summary>
public class StatementGrammarProperties
{
    private static readonly string[] GrammarLines =
    [
        "# T", "# Title {audience=government}", "# T {audience=nobody}", "#", "## S {audience=all}", "## S {audience=government}",
        "## Our commitments {part}", "## Next steps {closing}", "## Bare heading", "## {commitments}", "## X {commitments}",
        "{commitments}", "{closing}", "{audience=civil-society}", "{part}", "{closng}", " {closing}", "### Deeper", "Heading", "---", "===",
        "1. **Strengthen cooperation**", "2. **B**", "3. Plain commitment.", "1. **Recognise:** text", "1) **Lead** text", "10. x", "0.",
        "- A bullet.", "* **Bold** bullet", "+", "  - nested", "   - deeper", "    - code-like",
        "a. lazy item", "   a. Item a.", "   b. Item b.", "   c.", "      continued", "   Continued text.", "  two-space",
        "Paragraph text.", "In support of this, we commit to:", "Together, we will …", "", "", "",
        "> quoted", "```", "<div>", "[x]: https://example.org", "**", "**unclosed", "\t1.\ttab", "e\u0301", "\uFFFE", "\uFFFF", "\uD800",
        "\uDFFF\uD800", "\uFDD0", "\U0001FFFE", "\u2028", "\r", "\r\n", "\uFEFF# T", "x  ", "\t",
    ];

    private static Gen<string> GrammarLike =>
        Gen.OneOf(Gen.Elements(GrammarLines), ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""))
            .ListOf()
            .Select(lines => string.Join("\n", lines));

    private static Arbitrary<string> Texts => Gen.Frequency(
        (3, GrammarLike),
        (1, ArbMap.Default.GeneratorFor<string>())).ToArbitrary();

    [Property(MaxTest = 400)]
    public Property Parsing_never_throws_and_lists_errors_in_line_order_within_the_text() =>
        Prop.ForAll(Texts, text =>
        {
            var result = StatementParser.Parse(text);
            var lines = Math.Max(1, result.Canonical.Split('\n').Length);
            var errorLines = result.Errors.Select(e => e.Line).ToList();
            var warningLines = result.Warnings.Select(w => w.Line).ToList();
            return errorLines.SequenceEqual(errorLines.Order())
                && warningLines.SequenceEqual(warningLines.Order())
                && errorLines.All(l => l >= 1 && l <= lines)
                && (result.Document is null) == (result.Errors.Count > 0)
                && (result.Document is null || result.Warnings.Count == 0 || result.Errors.Count == 0)
                && result.Hash == StatementText.Hash(result.Canonical);
        });

    [Property(MaxTest = 400)]
    public Property Canonicalise_is_idempotent_and_never_throws() =>
        Prop.ForAll(Texts, text =>
        {
            var once = StatementText.Canonicalise(text);
            return StatementText.Canonicalise(once) == once && StatementText.IsCanonical(once);
        });

    [Property(MaxTest = 200)]
    public Property A_valid_text_has_unique_anchors_and_reads_the_same_from_its_canonical_form() =>
        Prop.ForAll(Texts, text =>
        {
            var result = StatementParser.Parse(text);
            if (result.Document is not { } document) return true;
            var anchors = document.Anchors().ToList();
            var again = StatementParser.Parse(result.Canonical);
            return anchors.Count == anchors.Distinct().Count()
                && again.Document is not null
                && again.Document.Anchors().SequenceEqual(anchors)
                && again.Hash == result.Hash;
        });

    [Fact]
    public void Noncharacters_canonicalise_to_the_replacement_character_instead_of_throwing()
    {
        Assert.Equal("a\uFFFDb\uFFFD\uFFFD\uFFFD\n", StatementText.Canonicalise("a\uFFFEb\uFFFF\uFDD0\U0001FFFE"));
        Assert.False(StatementParser.Parse("# T {audience=all}\n\uFFFE\n").Errors.Any());
    }
}
