using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Data.Statements.Import;
using static WeProtect.Summit.Tests.Statements.ImportWordFile;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>The Word converter on files built here with OpenXml: the exact text in the statement grammar and the
/// exact report of what was converted and what was left out.</summary>
public class ImportDocxTests
{
    /// <summary>A draft as drafters write them in Word: a title, a section heading, automatic numbering with
    /// lettered items and a nested bullet, a restarted list, bullets, tracked changes, a table, a picture, a
    /// comment, a level-3 heading, a typed number, a link, and a paragraph that starts with #.</summary>
    public static byte[] Draft() => Build(
    [
        Styled("Title", "Statement of Action"),
        P(R("We, the "), B("governments"), R(" gathered, recognise "), I("the harm"), R(".")),
        Styled("Heading2", "Government delegates pledge to"),
        Item(Numbered, 0, B("Strengthen "), B("cooperation")),
        Item(Numbered, 1, "Advance collaboration."),
        Item(Numbered, 1, "Share what works."),
        Item(Numbered, 2, "with data"),
        Item(Numbered, 0, B("Support survivors")),
        Item(Numbered, 1, new InsertedRun(R("Fund services.")) { Id = "1", Author = "A" }, new DeletedRun(new Run(new DeletedText("Cut services."))) { Id = "2", Author = "A" }),
        Table("A table cell"),
        P(Drawing(), R("See the figure.")),
        P(new CommentRangeStart { Id = "1" }, R("A remark."), new CommentRangeEnd { Id = "1" }, new Run(new CommentReference { Id = "1" })),
        Styled("Heading3", "Notes"),
        Styled("PledgeHeading", "Industry pledges"),
        Item(NumberedRestart, 0, B("Design safely")),
        Item(Bullets, 0, "One bullet"),
        Item(Bullets, 0, "Two bullet"),
        P("# not a heading"),
        P("3. Typed number"),
        P(R("Read "), new Hyperlink(R("the Alliance")) { Id = "link1" }, R(" now.")),
    ], main =>
    {
        AddComment(main, "Is this right?");
        main.AddHyperlinkRelationship(new Uri("https://example.org/alliance"), true, "link1");
    });

    public const string DraftText = """
        # Statement of Action

        We, the **governments** gathered, recognise *the harm*.

        ## Government delegates pledge to

        1. **Strengthen cooperation**
           a. Advance collaboration.
           b. Share what works.

              • with data
        2. **Support survivors**
           a. Fund services.

        See the figure.

        A remark.

        Notes

        ## Industry pledges

        1. **Design safely**

        - One bullet
        - Two bullet

        \# not a heading

        3. Typed number

        Read [the Alliance](https://example.org/alliance) now.

        """;

    [Fact]
    public void A_draft_becomes_the_grammar_with_a_report_of_what_was_converted_and_dropped()
    {
        var result = DocxStatementImport.Convert(Draft());

        Assert.True(result.Succeeded, result.Refusal);
        Assert.Equal(DraftText, result.Text);
        Assert.Equal([
            "Title: Statement of Action",
            "Headings (##): 2, their markers under “Markers to add”",
            "Paragraphs: 7",
            "Numbered items: 3",
            "Lettered items: 3",
            "Bullets: 3",
            "Bold or italic passages: 5",
            "Links: 1",
            "Tracked changes accepted (insertions kept, deletions dropped): 2",
        ], result.Converted.Select(c => c.ToString()));
        Assert.Equal([
            "Tables (their text is not in the draft): 1",
            "Images or drawings: 1",
            "Comments: 1",
            "Headings of level 3 or deeper, written as plain paragraphs (the format has two heading levels): 1",
            "Bullets or numbers nested under other items, written as paragraphs of those items starting with “•” or their numbers (the format has no lists inside a list): 1",
            "Paragraphs starting with a character the format reads as markup (#, >, {, …), kept as text with a backslash: 1",
        ], result.Dropped.Select(d => d.ToString()));
    }

    [Fact]
    public void Once_the_drafter_adds_audiences_the_imported_draft_parses_with_the_anchors_of_the_format()
    {
        var text = DocxStatementImport.Convert(Build(
        [
            Styled("Heading1", "Statement of Action"),
            P("Preamble."),
            Styled("Heading2", "Government delegates pledge to"),
            Item(Numbered, 0, B("Strengthen cooperation")),
            Item(Numbered, 1, "Advance collaboration."),
            Item(Numbered, 1, "Share what works."),
            Item(Numbered, 0, B("Support survivors")),
            Item(Numbered, 1, "Fund services."),
        ])).Text!;
        var parsed = StatementParser.Parse(text.Replace("## Government delegates pledge to", "## Government delegates pledge to {audience=government}"));

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Equal(["preamble-1", "government", "government-1", "government-1.a", "government-1.b", "government-2", "government-2.a"],
            parsed.Document!.Anchors());
    }

    [Fact]
    public void Bold_and_italic_keep_spaces_outside_the_markers_and_merge_across_a_plain_space()
    {
        var text = DocxStatementImport.Convert(Build(
        [
            Styled("Title", "T"),
            P(B("Recognise "), R("the "), B("harm"), R(" "), B("done"), R(" and "), R("the", bold: true, italic: true), I(" "), R("cost.")),
            P(R("Stars * and [brackets] and snake_case and _under_ and <b>"), new Run(new RunProperties(new RunStyle { Val = "Strong" }), new Text("strong"))),
            P(R("A run with a "), new Run(new Break()), R("line break and a"), new Run(new TabChar()), R("tab.")),
        ])).Text!;

        Assert.Equal("""
            # T

            **Recognise** the **harm done** and ***the*** cost.

            Stars \* and \[brackets\] and snake_case and \_under\_ and \<b>**strong**

            A run with a  line break and a tab.

            """, text);
    }

    [Fact]
    public void Numbers_continue_across_lists_of_one_definition_until_a_restart_and_start_where_Word_starts_them()
    {
        var text = DocxStatementImport.Convert(Build(
        [
            Styled("Title", "T"),
            Item(Numbered, 0, "One."),
            Item(Numbered, 0, "Two."),
            P("Between."),
            Item(Numbered, 0, "Three, as Word shows it."),
            Item(NumberedRestart, 0, "One again."),
            Item(Letters, 0, "A lettered list of its own, under the number."),
            Item(Bullets, 0, "A bullet list."),
            Item(Bullets, 1, "Nested."),
        ], main =>
        {
            // A list that starts at 5 (numbering.xml's w:start) and one with no definition in the file.
            var numbering = main.NumberingDefinitionsPart!.Numbering;
            numbering.InsertBefore(new AbstractNum(new Level(new StartNumberingValue { Val = 5 }, new NumberingFormat { Val = NumberFormatValues.Decimal }) { LevelIndex = 0 }) { AbstractNumberId = 9 },
                numbering.GetFirstChild<NumberingInstance>());
            numbering.Append(new NumberingInstance(new AbstractNumId { Val = 9 }) { NumberID = 9 });
            main.Document.Body!.Append(Item(9, 0, "Five."), Item(77, 0, "Not a list Word knows."));
        })).Text!;

        Assert.Equal("""
            # T

            1. One.
            2. Two.

            Between.

            3. Three, as Word shows it.
            1. One again.
               a. A lettered list of its own, under the number.

            - A bullet list.

              • Nested.

            5. Five.

            Not a list Word knows.

            """, text);
    }

    [Fact]
    public void Notes_fields_text_boxes_and_deeper_things_are_dropped_and_counted()
    {
        var result = DocxStatementImport.Convert(Build(
        [
            Styled("Heading1", "Title from Heading 1"),
            Styled("Heading1", "A second Heading 1 is a section"),
            P(R("Noted"), new Run(new FootnoteReference { Id = 1 }), R(" and "), new Run(new EndnoteReference { Id = 1 }), R("ended.")),
            P(new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }), new Run(new FieldCode(" PAGE ")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }), R("7"), new Run(new FieldChar { FieldCharType = FieldCharValues.End })),
            P(new SimpleField(R("Author name")) { Instruction = " AUTHOR " }),
            P(R("Boxed"), new Run(new Picture(new TextBoxContent(P("Inside the box"))))),
            P(R("Mail "), new Hyperlink(R("us")) { Id = "m" }, R(" or "), new Hyperlink(R("the file")) { Id = "f" }, R(" or "), new Hyperlink(R("below")) { Anchor = "x" }),
            Styled("Title", "A second title"),
        ], main =>
        {
            main.AddHyperlinkRelationship(new Uri("mailto:office@example.org"), true, "m");
            main.AddHyperlinkRelationship(new Uri("file:///c:/secret.docx"), true, "f");
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(P("Draft — not for circulation"));
        }));

        Assert.True(result.Succeeded, result.Refusal);
        Assert.Equal("""
            # Title from Heading 1

            ## A second Heading 1 is a section

            Noted and ended.

            7

            Author name

            Boxed

            Mail [us](mailto:office@example.org) or the file or below

            A second title

            """, result.Text);
        Assert.Equal([
            "Text boxes (their text is not in the draft): 1",
            "Footnotes: 1",
            "Endnotes: 1",
            "Fields, their codes dropped and the text Word showed kept: 2",
            "Page headers and footers",
            "Further paragraphs in the Title style, written as plain paragraphs: 1",
            "Links that are not web or e-mail addresses (their text kept): 1",
        ], result.Dropped.Select(d => d.ToString()));
    }

    [Fact]
    public void A_document_without_a_title_says_so()
    {
        var result = DocxStatementImport.Convert(Build([P("Just a paragraph.")]));
        Assert.Equal("Just a paragraph.\n", result.Text);
        Assert.Contains(result.Dropped, d => d.ToString().StartsWith("No title", StringComparison.Ordinal));
    }

    public static TheoryData<string, byte[], string> BadFiles() => new()
    {
        { "empty", [], DocxStatementImport.EmptyMessage },
        { "random bytes", RandomBytes(5000), DocxStatementImport.NotDocxMessage },
        { "text", Encoding.UTF8.GetBytes("# Statement\n\nPasted text saved as .docx"), DocxStatementImport.NotDocxMessage },
        { "zip without word/document.xml", Zip(("xl/workbook.xml", "<workbook/>"u8.ToArray()), ("[Content_Types].xml", "<Types/>"u8.ToArray())), DocxStatementImport.NotDocxMessage },
        { "zip cut short", Draft()[..2000], DocxStatementImport.NotDocxMessage },
        { "OLE compound file (an encrypted .docx)", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. RandomBytes(4000)], DocxStatementImport.ProtectedMessage },
        { "11 MB", [(byte)'P', (byte)'K', 3, 4, .. new byte[11 * 1024 * 1024]], DocxStatementImport.TooLargeMessage },
        { "zip bomb", Zip(("word/document.xml", new byte[60 * 1024 * 1024])), DocxStatementImport.BombMessage },
        { "too many entries", Zip([.. Enumerable.Range(0, DocxStatementImport.MaxEntries + 1).Select(i => ($"word/media/{i}.bin", Array.Empty<byte>())), ("word/document.xml", "<x/>"u8.ToArray())]), DocxStatementImport.BombMessage },
        { "malformed document.xml", ReplaceEntry(Draft(), "word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"u8.ToArray()), DocxStatementImport.DamagedMessage },
        { "document.xml with a DTD", ReplaceEntry(Draft(), "word/document.xml", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>"u8.ToArray()), DocxStatementImport.DamagedMessage },
    };

    [Theory]
    [MemberData(nameof(BadFiles), DisableDiscoveryEnumeration = true)]
    public void A_bad_file_is_refused_with_a_clear_message(string what, byte[] content, string message)
    {
        var result = DocxStatementImport.Convert(content);
        Assert.False(result.Succeeded, what);
        Assert.Equal(message, result.Refusal);
        Assert.Null(result.Text);
    }

    [Fact]
    public void A_zip_entry_that_unpacks_to_more_than_it_declares_is_refused_while_it_is_read()
    {
        // A 60 MB entry whose headers (local and central) claim 1,000 bytes: .NET's zip reader stops at the declared
        // size (and the guard counts what it reads), so the entry is never unpacked into a document.
        var zip = Zip(("word/document.xml", new byte[60 * 1024 * 1024]));
        var span = zip.AsSpan();
        for (var at = 0; at < zip.Length - 4; at++)
        {
            if (span[at..].StartsWith("PK\u0003\u0004"u8)) BitConverter.TryWriteBytes(span.Slice(at + 22, 4), 1000);
            if (span[at..].StartsWith("PK\u0001\u0002"u8)) BitConverter.TryWriteBytes(span.Slice(at + 24, 4), 1000);
        }
        var result = DocxStatementImport.Convert(zip);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Refusal, new[] { DocxStatementImport.BombMessage, DocxStatementImport.DamagedMessage, DocxStatementImport.NotDocxMessage });
    }

    [Fact]
    public void No_bytes_make_the_converter_throw()
    {
        var good = Draft();
        var random = new Random(12);
        for (var i = 0; i < 300; i++)
        {
            var bytes = (byte[])good.Clone();
            // Damage the file in a few places, or cut it short: every result is a text or a refusal.
            if (i % 3 == 0) bytes = bytes[..random.Next(bytes.Length)];
            else for (var k = 0; k < 1 + i % 5; k++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            var result = DocxStatementImport.Convert(bytes);
            Assert.True(result.Succeeded ^ result.Refusal is not null);
        }
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(7).NextBytes(bytes);
        return bytes;
    }
}
