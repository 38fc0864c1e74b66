using System.Diagnostics;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Tests.Communiques;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>Every text of the corpus (<see cref="StatementCorpus"/>) round trip: parse (expected anchors and warnings)
/// → the public page's HTML (expected, and as written: bullets, numbers, letters, bold) → the communiqué PDF read back
/// by PdfPig (labels as written, no bold invented) → the canonical download, whose <c>sha256sum</c> is the hash.</summary>
public partial class StatementCorpusTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    public static TheoryData<string> Corpus => StatementCorpus.Theory;

    [Fact]
    public void The_corpus_holds_at_least_twelve_texts_each_with_its_expectations()
    {
        Assert.True(StatementCorpus.Names.Count >= 12, $"{StatementCorpus.Names.Count} texts in {StatementCorpus.Folder}");
        foreach (var name in StatementCorpus.Names)
            foreach (var kind in new[] { "anchors", "warnings", "html" })
                Assert.True(File.Exists(Path.Combine(StatementCorpus.Folder, $"{name}.{kind}")), $"{name}.{kind} is missing");
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Parses_to_the_expected_anchors_and_warnings(string name)
    {
        var result = StatementParser.Parse(StatementCorpus.Text(name));
        Assert.Equal([], result.Errors);
        var anchors = result.Document!.Anchors().ToList();
        Assert.Equal(anchors.Count, anchors.Distinct().Count());
        StatementCorpus.Expect(name, ("anchors", string.Concat(anchors.Select(a => a + "\n"))),
            ("warnings", string.Concat(result.Warnings.Select(w => w + "\n"))));
        Assert.Equal(result.Warnings.OrderBy(w => w.Line), result.Warnings);
        // The canonical text reads the same as the text typed.
        Assert.Equal(anchors, StatementParser.Parse(result.Canonical).Document!.Anchors());
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task The_public_page_shows_it_as_written_and_the_download_hashes_to_its_hash(string name)
    {
        var text = StatementCorpus.Text(name);
        var parsed = StatementParser.Parse(text);
        var summit = await app.CreateOpenSummitAsync();
        var (statement, _) = await app.CreateStatementAsync(summit.Id, StatementStatus.Final, text);
        var anonymous = app.CreateFormClient();
        var page = await anonymous.GetPageAsync($"/Statements/{statement.Id}/text");
        var article = page.QuerySelector("article.statement-document")!;
        StatementCorpus.Expect(name, ("html", StatementCorpus.Normalise(article.OuterHtml)));

        var document = parsed.Document!;
        foreach (var anchor in document.Anchors()) Assert.NotNull(article.QuerySelector($"[id='{anchor}']"));
        foreach (var s in document.Sections)
        foreach (var c in s.Commitments)
        {
            var li = article.QuerySelector($"li[id='{c.Anchor}']")!;
            Assert.Equal(c.Bullet ? "UL" : "OL", li.ParentElement!.TagName);
            Assert.Equal(c.Bullet ? null : c.Number.ToString(), li.GetAttribute("value"));
            foreach (var item in c.Items)
                Assert.Equal((item.Letter - 'a' + 1).ToString(), article.QuerySelector($"li[id='{item.Anchor}']")!.GetAttribute("value"));
        }
        foreach (var numbered in document.Preamble.Concat(document.Closing).Where(p => p.Kind == PreambleBlockKind.Numbered))
            Assert.Equal(numbered.Number.ToString(), article.QuerySelector($"li[id='{numbered.Anchor}']")!.GetAttribute("value"));
        Assert.Equal(document.Preamble.Concat(document.Closing).Where(p => p.Kind == PreambleBlockKind.BulletList).Sum(p => p.Bullets.Count),
            article.QuerySelectorAll("ul.statement-preamble > li").Length);
        // Bold only where the text is bold: every <strong> holds words written between ** and ** in the text.
        foreach (var strong in article.QuerySelectorAll("strong"))
            Assert.Contains($"**{strong.TextContent}", parsed.Canonical);
        Assert.Equal(BoldSpans(parsed.Canonical).Count, article.QuerySelectorAll("strong").Length);

        var download = await anonymous.GetAsync(page.QuerySelector("#text-download")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var file = Path.Combine(Path.GetTempPath(), $"corpus-{name}-{Guid.NewGuid():N}.md");
        await File.WriteAllBytesAsync(file, await download.Content.ReadAsByteArrayAsync());
        try
        {
            Assert.Equal($"{parsed.Hash}  {file}\n", await Sha256sumAsync(file));
            Assert.Equal(parsed.Hash, page.QuerySelector("#text-hash")!.TextContent.Trim());
            Assert.Equal(parsed.Canonical, await File.ReadAllTextAsync(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void The_communique_pdf_prints_it_as_written(string name)
    {
        var content = CommuniquePdfTests.Content(StatementCorpus.Text(name), []);
        var document = content.Document;
        var canonical = StatementParser.Parse(StatementCorpus.Text(name)).Canonical;
        using var pdf = PdfDocument.Open(CommuniquePdf.Render(content));
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).ToList();
        var texts = words.Select(w => w.Text).ToList();

        // Labels as written: a bullet for each bullet, each number and letter as typed; never Markdown's asterisks.
        var bullets = document.Preamble.Concat(document.Closing).Where(p => p.Kind == PreambleBlockKind.BulletList).Sum(p => p.Bullets.Count)
            + document.Sections.Sum(s => s.Commitments.Count(c => c.Bullet));
        Assert.Equal(bullets, texts.Count(t => t == "•"));
        foreach (var c in document.Sections.SelectMany(s => s.Commitments).Where(c => !c.Bullet)) Assert.Contains($"{c.Number}.", texts);
        foreach (var p in document.Preamble.Concat(document.Closing).Where(p => p.Kind == PreambleBlockKind.Numbered)) Assert.Contains($"{p.Number}.", texts);
        foreach (var i in document.Sections.SelectMany(s => s.Commitments).SelectMany(c => c.Items)) Assert.Contains($"{i.Letter}.", texts);
        Assert.DoesNotContain(texts, t => t.Contains("**", StringComparison.Ordinal));

        // No bold invented: a bold word is a word of a heading, a title or a span written in bold; and every span
        // written in bold is printed in bold.
        var boldAllowed = new HashSet<string>(StringComparer.Ordinal) { "Agreed", "by:" };
        void Allow(string s) { foreach (var w in s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) boldAllowed.Add(w); }
        Allow(document.Title);
        Allow(content.SummitName);
        foreach (var h in document.Headings) Allow(h.Text);
        foreach (var s in document.Sections) Allow(s.Heading);
        foreach (var span in BoldSpans(canonical)) Allow(span);
        var bold = words.Where(w => w.FontName?.Contains("Bold", StringComparison.Ordinal) == true).Select(w => w.Text).ToList();
        Assert.All(bold, w => Assert.True(boldAllowed.Contains(w) || boldAllowed.Any(a => a.StartsWith(w, StringComparison.Ordinal) || a.EndsWith(w, StringComparison.Ordinal)),
            $"“{w}” is bold in the PDF but not in the text"));
        foreach (var span in BoldSpans(canonical))
            Assert.Contains(span.Split(' ')[0], bold);
    }

    /// <summary>The words written between ** and ** in a text.</summary>
    private static List<string> BoldSpans(string text) => Bold().Matches(text).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"\*\*([^*\n]+?)\*\*")]
    private static partial Regex Bold();

    private static async Task<string> Sha256sumAsync(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("sha256sum", [path]) { RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
