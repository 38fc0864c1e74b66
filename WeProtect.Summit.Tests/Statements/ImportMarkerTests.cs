using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Data.Statements.Import;
using static WeProtect.Summit.Tests.Statements.ImportWordFile;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>A converted Word draft needs only the grammar's markers to parse, and the report says which marker goes
/// on which line; a list nested under a lettered item becomes text the grammar reads as written.</summary>
public class ImportMarkerTests
{
    /// <summary>A real statement's shape: title, preamble, "Our commitments" heading, bullets introduced by a
    /// sentence, a closing paragraph.</summary>
    private static byte[] RealShape() => Build(
    [
        Styled("Title", "Abu Dhabi Statement of Action"),
        P("We, the governments gathered in Abu Dhabi, recognise that the sexual exploitation of children online is a global crime."),
        Styled("Heading2", "Our commitments"),
        P("In support of this, we commit to:"),
        Item(Bullets, 0, "Strengthen national laws."),
        Item(Bullets, 0, "Fund specialist units."),
        P("Together, we will report on these commitments at the next summit."),
    ]);

    private static string[] Lines(string text) => text.TrimEnd('\n').Split('\n');

    private static string Join(IEnumerable<string> lines) => string.Join('\n', lines) + "\n";

    [Fact]
    public void A_real_statement_shape_is_converted_as_written_and_the_report_names_each_marker_and_its_line()
    {
        var result = DocxStatementImport.Convert(RealShape());

        Assert.True(result.Succeeded, result.Refusal);
        Assert.Equal("""
            # Abu Dhabi Statement of Action

            We, the governments gathered in Abu Dhabi, recognise that the sexual exploitation of children online is a global crime.

            ## Our commitments

            In support of this, we commit to:

            - Strengthen national laws.
            - Fund specialist units.

            Together, we will report on these commitments at the next summit.

            """, result.Text);
        Assert.Equal(2, result.Markers.Count);
        Assert.StartsWith("Line 5 (“## Our commitments”): add {audience=…} at its end", result.Markers[0].ToString());
        Assert.Contains("{commitments} if the title (line 1) carries the audience", result.Markers[0].ToString());
        Assert.StartsWith("Line 12: if the text from here closes the statement, put {closing} on a line of its own above it", result.Markers[1].ToString());
        // As it is, the draft does not parse: the heading has no marker.
        Assert.Contains(StatementParser.Parse(result.Text).Errors, e => e.Line == 5);
    }

    [Fact]
    public void With_only_the_markers_the_report_names_added_the_real_shape_parses_with_its_anchors_and_no_warning()
    {
        var lines = Lines(DocxStatementImport.Convert(RealShape()).Text!).ToList();
        lines[4] += " {audience=government}";           // line 5, as the report says
        lines.Insert(11, "{closing}");                   // above line 12, added last

        var parsed = StatementParser.Parse(Join(lines));

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Equal(["preamble-1", "government", "government-text-1", "government-1", "government-2", "closing-1"], parsed.Document!.Anchors());
        Assert.Empty(parsed.Warnings);
        Assert.Contains(parsed.Document.Parts(), p => p is { Anchor: "government-text-1", Text: "In support of this, we commit to:" });
    }

    [Fact]
    public void The_other_choice_the_report_offers_an_audience_on_the_title_and_commitments_on_the_heading_parses_too()
    {
        var lines = Lines(DocxStatementImport.Convert(RealShape()).Text!).ToList();
        lines[0] += " {audience=government}";
        lines[4] += " {commitments}";

        var parsed = StatementParser.Parse(Join(lines));

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Equal(["government"], parsed.Document!.Audiences.Select(a => a.Token()));
        // Without {closing} the last paragraph is text of the section, with the parser's own warning.
        Assert.Contains(parsed.Warnings, w => w.Line == 12);
    }

    [Fact]
    public void A_bullet_nested_under_a_lettered_item_becomes_a_paragraph_of_that_item_the_grammar_reads_and_the_report_says_so()
    {
        var result = DocxStatementImport.Convert(Build(
        [
            Styled("Title", "Statement of Action"),
            Styled("Heading2", "Governments commit to"),
            Item(Numbered, 0, B("Legislate")),
            Item(Numbered, 1, "Criminalise abuse:"),
            Item(Numbered, 2, "online,"),
            Item(Numbered, 2, "offline."),
            Item(Numbered, 1, "Fund specialist units."),
            Item(Numbered, 0, B("Cooperate")),
            Item(Numbered, 1, "Share data."),
            Item(Numbered, 1, "Train staff."),
        ]));

        Assert.Equal("""
            # Statement of Action

            ## Governments commit to

            1. **Legislate**
               a. Criminalise abuse:

                  • online,

                  • offline.
               b. Fund specialist units.
            2. **Cooperate**
               a. Share data.
               b. Train staff.

            """, result.Text);
        Assert.Contains("Bullets or numbers nested under other items, written as paragraphs of those items starting with “•” or their numbers (the format has no lists inside a list): 2",
            result.Dropped.Select(d => d.ToString()));
        Assert.Equal(["Line 3 (“## Governments commit to”)"], result.Markers.Select(m => m.ToString()).Select(m => m[..m.IndexOf(':')]));

        var parsed = StatementParser.Parse(result.Text!.Replace("commit to\n", "commit to {audience=government}\n"));
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Equal(["government", "government-1", "government-1.a", "government-1.b", "government-2", "government-2.a", "government-2.b"],
            parsed.Document!.Anchors());
        var item = parsed.Document.Parts().Single(p => p.Anchor == "government-1.a").Text;
        Assert.Contains("• online,", item);
        Assert.Contains("• offline.", item);
    }

    [Fact]
    public void Markers_typed_in_Word_are_kept_so_that_a_finished_draft_parses_as_it_is_uploaded()
    {
        var result = DocxStatementImport.Convert(Build(
        [
            Styled("Title", "Statement of Action {audience=government}"),
            P("Preamble."),
            Styled("Heading2", "Governments commit to {commitments}"),
            Item(Numbered, 0, B("Legislate")),
            Item(Numbered, 1, "Pass laws."),
            Item(Numbered, 1, "Enforce them."),
            Item(Numbered, 0, B("Fund")),
            Item(Numbered, 1, "Pay for units."),
            Item(Numbered, 1, "Train staff."),
            Styled("Heading2", "Next steps {closing}"),
            P("Done at Abu Dhabi"),
            // Only the grammar's own words are markers: anything else in braces stays escaped text.
            Styled("Heading2", "Note {draft}"),
        ]));

        Assert.Contains("# Statement of Action {audience=government}\n", result.Text);
        Assert.Contains("\n## Governments commit to {commitments}\n", result.Text);
        Assert.Contains("\n## Next steps {closing}\n", result.Text);
        Assert.Contains("\n## Note \\{draft}\n", result.Text);
        Assert.Contains("Markers typed in the file ({…}), kept: 3", result.Converted.Select(c => c.ToString()));
        // Only the heading without a marker is left to finish.
        Assert.Equal(["Line 18 (“## Note \\{draft}”)"], result.Markers.Select(m => m.ToString()).Select(m => m[..m.IndexOf(':')]));
    }
}
