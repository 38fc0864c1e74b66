using System.Text;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Statements;

public class StatementParserTests
{
    [Fact]
    public void Reads_the_docs_example()
    {
        var result = StatementParser.Parse(StatementExample.Canonical);
        Assert.Empty(result.Errors);
        var doc = Assert.IsType<StatementDocument>(result.Document);
        Assert.Equal("Statement of Action by Governments", doc.Title);
        Assert.Equal(StatementExample.Hash, result.Hash);
        Assert.Equal(
            ["preamble-1", "preamble-2", "government", "government-1", "government-1.a", "government-1.b", "government-2", "government-2.a"],
            doc.Anchors());
        Assert.Equal(PreambleBlockKind.BulletList, doc.Preamble[1].Kind);
        Assert.Equal(["It crosses borders.", "No country can end it alone."], doc.Preamble[1].Bullets);
        var c = doc.Sections[0].Commitments[0];
        Assert.Equal((1, "Strengthen cooperation", 10), (c.Number, c.Title, c.Line));
        Assert.Equal(('b', "Share what works, with data that protects every child\u2019s privacy.", 12), (c.Items[1].Letter, c.Items[1].Text, c.Items[1].Line));
    }

    [Fact]
    public void Reads_a_statement_shaped_like_the_2024_Call_to_Action()
    {
        var result = StatementParser.Parse(StatementExample.CallToAction2024);
        Assert.Empty(result.Errors);
        var doc = result.Document!;

        Assert.Equal("Call to Action", doc.Title);
        Assert.Equal(["preamble-1", "preamble-2", "preamble-3"], doc.Preamble.Select(p => p.Anchor));
        Assert.Equal(3, doc.Preamble[2].Bullets.Count);
        Assert.Equal(
            [(StatementAudience.All, "all", 7), (StatementAudience.Government, "government", 5),
             (StatementAudience.PrivateSector, "private-sector", 2), (StatementAudience.CivilSociety, "civil-society", 2)],
            doc.Sections.Select(s => (s.Audience, s.Anchor, s.Commitments.Count)));
        Assert.Equal("All members commit to", doc.Sections[0].Heading);
        Assert.Equal(Enumerable.Range(1, 7).Select(n => $"all-{n}"), doc.Sections[0].Commitments.Select(c => c.Anchor));
        Assert.Equal(["all-3.a", "all-3.b", "all-3.c"], doc.Sections[0].Commitments[2].Items.Select(i => i.Anchor));
        Assert.Equal("Share knowledge, data and tools across borders and sectors, in line with the law and the rights of every child.",
            doc.Sections[0].Commitments[1].Items[0].Text);
        Assert.Equal("Strengthen cooperation", doc.Sections[1].Commitments[1].Title);
        Assert.Equal("government-2.b", doc.Sections[1].Commitments[1].Items[1].Anchor);
        Assert.Equal("private-sector-1.b", doc.Sections[2].Commitments[0].Items[1].Anchor);
        Assert.Equal("civil-society-2.b", doc.Sections[3].Commitments[1].Items[1].Anchor);
        Assert.Equal(16, doc.Sections.Sum(s => s.Commitments.Count));
        Assert.Equal(doc.Anchors().Count(), doc.Anchors().Distinct().Count());
    }

    [Fact]
    public void Sections_with_the_same_audience_get_distinct_anchors()
    {
        var result = StatementParser.Parse("""
            # T
            ## First {audience=all}
            1. **A**
            ## Second {audience=all}
            1. **B**
               a. x
            ## Third {audience = all}
            1. **C**
            """);
        Assert.Empty(result.Errors);
        Assert.Equal(["all", "all-1", "all-section-2", "all-section-2-1", "all-section-2-1.a", "all-section-3", "all-section-3-1"],
            result.Document!.Anchors());
    }

    [Fact]
    public void Reads_items_after_a_blank_line_and_in_every_indentation()
    {
        var result = StatementParser.Parse("# T\n## S {audience=international-organisation}\n1. **A**\na. lazy\n\n   b. after a blank line\n\n2. **B**\n    a. deep\n3. **C**\n4. **D**\n5. **E**\n6. **F**\n7. **G**\n8. **H**\n9. **I**\n10. **J**\n   a. under ten\n");
        Assert.Equal([], result.Errors);
        var s = result.Document!.Sections[0];
        Assert.Equal("international-organisation", s.Anchor);
        Assert.Equal(["lazy", "after a blank line"], s.Commitments[0].Items.Select(i => i.Text));
        Assert.Equal("deep", s.Commitments[1].Items[0].Text);
        Assert.Equal("international-organisation-10.a", s.Commitments[9].Items[0].Anchor);
    }

    [Fact]
    public void Letters_that_look_like_roman_numerals_are_plain_letters()
    {
        var items = string.Concat(Enumerable.Range(0, 24).Select(i => $"   {(char)('a' + i)}. item {(char)('a' + i)}\n"));
        var result = StatementParser.Parse("# T\n## S {audience=all}\n1. **A**\n" + items);
        Assert.Empty(result.Errors);
        var c = result.Document!.Sections[0].Commitments[0];
        Assert.Equal(24, c.Items.Count);
        Assert.Equal(("all-1.i", "item i"), (c.Items[8].Anchor, c.Items[8].Text));
        Assert.Equal(("all-1.x", "item x", 27), (c.Items[23].Anchor, c.Items[23].Text, c.Items[23].Line));
    }

    public static TheoryData<string, int, string> Errors => new()
    {
        { "# T\n## S {audience=goverment}\n1. **A**\n", 2, "“goverment” is not a known audience. Write one of: all, government, international-organisation, private-sector, civil-society." },
        { "# T\n## S {audience=Government}\n1. **A**\n", 2, "“Government” is not a known audience" },
        { "# T\n## S\n1. **A**\n", 2, "This section heading does not say who it is for" },
        { "# T\n## S {audience=}\n1. **A**\n", 2, "The audience is empty" },
        { "# T\n## S {lang=en}\n1. **A**\n", 2, "“{lang=en}” is not understood" },
        { "# T\n## S {audience=all}\n1. **A**\n\na. loose\n", 5, "The lettered item “a.” is not inside a commitment" },
        { "# T\na. in the preamble\n## S {audience=all}\n1. **A**\n", 2, "The lettered item “a.” is not inside a commitment" },
        { "# T\n## S {audience=all}\n1. **A**\n1. **B**\n", 4, "Commitment number 1 is used twice in this section" },
        { "# T\n## S {audience=all}\n1. **A**\n   a. x\n   a. y\n", 5, "Item a. is used twice in commitment 1" },
        { "# T\n## S {audience=all}\n1. **A**\n   a.\n", 4, "Item a. of commitment 1 has no text." },
        { "# T\n## S {audience=all}\n1. **A**\n   - bullet\n", 4, "A commitment may hold only its bold title, its text and lettered items (a., b., …), not a bullet list." },
        { "# T\n## Empty {audience=all}\n## S {audience=all}\n1. **A**\n", 2, "This section has no commitments" },
        { "# T\n## S {audience=all}\n", 2, "This section has no commitments" },
        { "# T\n### Deeper\n## S {audience=all}\n1. **A**\n", 2, "A heading with 3 # signs is not part of the statement format" },
        { "# T\n## S {audience=all}\n1. **A**\n#### Deeper\n", 4, "A heading with 4 # signs" },
        { "# T\n## S {audience=all}\n1. **A**\n# Again\n", 4, "There can be only one title" },
        { "# T\n## S {audience=all}\n1. **A**\n\n- a bullet\n", 5, "mixes numbered and bullet commitments" },
        { "Preamble first.\n## S {audience=all}\n1. **A**\n", 1, "The statement has no title" },
        { "", 1, "The statement has no title" },
        { "Words\n# T\n## S {audience=all}\n1. **A**\n", 1, "The title must come first" },
        { "# \n## S {audience=all}\n1. **A**\n", 1, "The title is empty" },
        { "# T\nJust a preamble.\n", 2, "The statement has no sections" },
        { "# T\n1. **A**\n", 2, "The statement has no sections and no audience" },
        { "# T\n> quoted\n## S {audience=all}\n1. **A**\n", 2, "The preamble may hold only paragraphs, bullet lists and numbered paragraphs, not a quotation" },
        { "# T\nText\n---\n## S {audience=all}\n1. **A**\n", 2, "A line of === or --- under text makes a heading" },
        { "# T\n## {audience=all}\n1. **A**\n", 2, "This section heading has no words" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Reports_the_error_and_its_line(string text, int line, string message)
    {
        var result = StatementParser.Parse(text);
        Assert.False(result.IsValid);
        Assert.Null(result.Document);
        Assert.Contains(result.Errors, e => e.Line == line && e.Message.ToString().Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_every_error_at_once_in_line_order()
    {
        var result = StatementParser.Parse("""
            # T
            ## A {audience=nobody}
            1. **A**
            3. **B**
            ### Deeper
            ## B
            1. No title
               a. x
               a. y
            # Second title
            """);
        Assert.Null(result.Document);
        Assert.Equal([2, 5, 6, 9, 10], result.Errors.Select(e => e.Line));
        Assert.Equal("Line 2: “nobody” is not a known audience. Write one of: all, government, international-organisation, private-sector, civil-society.",
            result.Errors[0].ToString());
    }

    /// <summary>Texts the grammar refused before it took statements as written: now valid, each with the warning a
    /// careful drafter wants (or none).</summary>
    public static TheoryData<string, string, string> NowValid => new()
    {
        { "# T\n## S {audience=all}\n1. **A**\n3. **B**\n", "all-1 all-3", "Line 4: Commitment number 3 skips 2 in this section" },
        { "# T\n## S {audience=all}\n2. **A**\n", "all-2", "Line 3: Commitment number 2 skips 1 in this section" },
        { "# T\n## S {audience=all}\n1. **A**\n   a. x\n   c. y\n", "all-1 all-1.a all-1.c", "Line 5: Item c. skips b. in commitment 1" },
        { "# T\n## S {audience=all}\n1. **A**\n   b. x\n", "all-1 all-1.b", "Line 4: Item b. skips a. in commitment 1" },
        { "# T\n## S {audience=all}\n1. Plain words\n   a. x\n", "all-1 all-1.a", "Line 4: Commitment 1 has a single lettered item" },
        { "# T\n## S {audience=all}\n1. **A** and more\n2. B\n", "all-1 all-2", "" },
        { "# T\n## S {audience=all}\n1. **A**\n   Some words\n2. **B**\n", "all-1 all-2", "" },
        { "# T\n## S {audience=all}\n1. **A**\n2. **B**\n\nClosing words.\n", "all all-1 all-2 all-text-1", "Line 6: This paragraph follows the last commitment of the last section" },
    };

    [Theory]
    [MemberData(nameof(NowValid))]
    public void Reads_what_it_once_refused(string text, string anchors, string warning)
    {
        var result = StatementParser.Parse(text);
        Assert.Empty(result.Errors);
        Assert.All(anchors.Split(' '), a => Assert.Contains(a, result.Document!.Anchors()));
        if (warning.Length == 0) Assert.Empty(result.Warnings);
        else Assert.Contains(result.Warnings, w => w.ToString().StartsWith(warning, StringComparison.Ordinal));
    }

    [Fact]
    public void Bullets_and_lettered_items_pasted_from_a_word_processor_are_each_named_by_a_warning()
    {
        var result = StatementParser.Parse("# T\n\nWe agree:\n• Recognise the harm.\n• Welcome the work.\n\n## S {audience=all}\n" +
            "1. **Act**\n(a) Listen to children.\nb) Pass laws.\n2. **Report**\n   a. Every two years.\n   b. In public.\n");
        Assert.Empty(result.Errors);
        var pasted = result.Warnings.Where(w => w.ToString().Contains("This line starts with")).Select(w => w.ToString()).ToList();
        Assert.Equal(4, pasted.Count);
        Assert.StartsWith("Line 4: This line starts with “•”, a bullet pasted from a word processor", pasted[0]);
        Assert.StartsWith("Line 5: This line starts with “•”, a bullet pasted from a word processor", pasted[1]);
        Assert.StartsWith("Line 9: This line starts with “(a)”: here it is plain text", pasted[2]);
        Assert.StartsWith("Line 10: This line starts with “b)”: here it is plain text", pasted[3]);
        Assert.Contains("Write a lettered item as “a. ” at the start", pasted[2]);
        // The forms the grammar reads are not warned about.
        Assert.DoesNotContain(result.Warnings, w => w.Line is 12 or 13);
    }

    [Fact]
    public void Capital_letters_under_a_commitment_are_named_by_a_warning_with_the_lowercase_form()
    {
        var result = StatementParser.Parse("# T\n\n## S {audience=all}\n1. **Act**\nA. Listen to children.\n(B) Pass laws.\nC) Report.\n");
        Assert.Empty(result.Errors);
        var pasted = result.Warnings.Where(w => w.ToString().Contains("This line starts with")).Select(w => w.ToString()).ToList();
        Assert.Equal(3, pasted.Count);
        Assert.StartsWith("Line 5: This line starts with “A.”: here it is plain text", pasted[0]);
        Assert.Contains("Write a lettered item as “a. ”", pasted[0]);
        Assert.StartsWith("Line 6: This line starts with “(B)”", pasted[1]);
        Assert.Contains("as “b. ”", pasted[1]);
        Assert.StartsWith("Line 7: This line starts with “C)”", pasted[2]);
    }

    [Theory]
    [InlineData("1.\u00A0", "1.", "00A0")]
    [InlineData("-\u202F", "-", "202F")]
    [InlineData("2)\u2007", "2)", "2007")]
    public void A_mark_followed_by_a_non_breaking_space_is_named_on_its_own_line_among_the_errors_it_causes(string start, string mark, string codePoint)
    {
        // The section's only commitment is read as plain text, so the section has none: the error on the heading is
        // explained by the one on the line itself.
        var result = StatementParser.Parse($"# T\n\n## S {{audience=all}}\n{start}**Act**\n");
        var onLine = Assert.Single(result.Errors, e => e.Line == 4).ToString();
        Assert.StartsWith($"Line 4: “{mark}” is followed by a non-breaking space (U+{codePoint}", onLine);
        Assert.Contains($"Type an ordinary space after “{mark}”", onLine);

        // In a text that is otherwise valid it is a warning, on its line.
        var valid = StatementParser.Parse($"# T\n\n## S {{audience=all}}\n1. **First**\n{start}**Act**\n");
        Assert.Empty(valid.Errors);
        Assert.Contains(valid.Warnings, w => w.Line == 5 && w.ToString().Contains("non-breaking space"));
    }

    [Fact]
    public void Too_deep_nesting_is_an_error_not_an_exception()
    {
        var result = StatementParser.Parse("# T\n## S {audience=all}\n1. **A**\n" + new string('>', 10_000) + " x\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal(4, error.Line);
        Assert.StartsWith("This line is nested too deeply", error.Message.ToString());
    }

    [Fact]
    public void Over_one_megabyte_is_a_single_error_without_parsing()
    {
        var line = "1. **" + new string('x', 1000) + "**\n"; // lots of would-be errors: none reported
        var text = new StringBuilder("no title\n### bad\n");
        while (Encoding.UTF8.GetByteCount(text.ToString()) <= StatementText.MaxBytes) text.Append(line);
        var result = StatementParser.Parse(text.ToString());
        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.StartsWith("The text is too long", error.Message.ToString());
        Assert.Contains("1,048,576 bytes", error.Message.ToString());
    }

    [Fact]
    public void Exactly_one_megabyte_is_read()
    {
        var head = "# T\n## S {audience=all}\n1. **A**\n   a. ";
        var text = head + new string('é', (StatementText.MaxBytes - Encoding.UTF8.GetByteCount(head) - 1) / 2);
        text += new string('x', StatementText.MaxBytes - Encoding.UTF8.GetByteCount(text) - 1) + "\n";
        Assert.Equal(StatementText.MaxBytes, Encoding.UTF8.GetByteCount(text));
        Assert.True(StatementParser.Parse(text).IsValid);
    }

    [Fact]
    public void Parses_the_canonical_form_and_returns_it()
    {
        var result = StatementParser.Parse("# T  \r\n## S {audience=all}\r\n1. **Cre\u0301che**\r\n\r\n\r\n");
        Assert.Equal("# T\n## S {audience=all}\n1. **Cr\u00E9che**\n", result.Canonical);
        Assert.Equal(StatementText.Hash(result.Canonical), result.Hash);
        Assert.Equal("Cr\u00E9che", result.Document!.Sections[0].Commitments[0].Title);
    }
}
