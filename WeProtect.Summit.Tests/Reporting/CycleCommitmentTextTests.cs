using System.Globalization;
using CsvHelper;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Tests.Signing;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Reporting;

/// <summary>The organisers' cycle page names each commitment (its part, as the statement prints it) and beside it: its bold title, or its first sentence
/// (cut at a word when still long), in the words and language of the statement's authoritative text. Its downloads
/// (CSV, xlsx, JSON) give each row the statement's title and the commitment's whole words beside the anchor and part, a
/// formula-like text escaped in the CSV and the xlsx.</summary>
public class CycleCommitmentTextTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static readonly string LongItem = string.Join(" ", Enumerable.Repeat("adopter des mesures nationales coordonnées", 6));

    private static readonly string FrenchText =
        "# Déclaration d'action\n\nNous, les membres, sommes unis.\n\n" +
        "## Tous les membres s'engagent à {audience=all}\n\n1. **Placer les enfants au premier plan**\n" +
        "   a. Écouter les enfants. Leur donner la parole dans chaque décision.\n" +
        $"   b. {LongItem}\n";

    [Fact]
    public async Task Each_commitment_shows_its_title_or_first_sentence_in_the_statements_authoritative_language()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (statement, final) = await app.CreateStatementAsync(summit.Id, StatementStatus.OpenForSignature, FrenchText, $"Déclaration {Guid.NewGuid():N}"[..20],
            s => Assert.Null(s.SetAuthoritativeLanguage("fr")));
        var organisation = await app.OrganisationAsync(Sector.CivilSociety);
        await app.EndorseAsync(statement, final, organisation);
        await app.WithDbAsync(async db =>
        {
            var s = await db.Statements.FirstAsync(x => x.Id == statement.Id);
            Assert.Null(s.CloseSigning(app.UtcNow));
            Assert.Null(s.MoveTo(StatementStatus.Published));
            await db.SaveChangesAsync();
        });
        var cycle = await app.CycleAsync(statement.SummitId, [statement.Id]);

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Reporting/Manage/Cycle/{cycle.Id}");
        var cell = (string anchor) => page.QuerySelector($"tr[id='commitment-{statement.Id}-{anchor}'] td.commitment-text")!;
        Assert.Equal("Placer les enfants au premier plan", cell("all-1").TextContent.Trim());
        Assert.Equal("Écouter les enfants.", cell("all-1.a").TextContent.Trim());
        var cut = cell("all-1.b").TextContent.Trim();
        Assert.EndsWith("…", cut);
        Assert.True(cut.Length <= TrackedCommitment.GistMaxLength, cut);
        Assert.StartsWith(cut[..^1], LongItem);
        Assert.All(new[] { "all-1", "all-1.a", "all-1.b" }, a => Assert.Equal("fr", cell(a).GetAttribute("lang")));
        // Named as the statement prints it, in the page's language; the anchor is only the row's key.
        Assert.Equal("All members 1(a)", page.QuerySelector($"tr[id='commitment-{statement.Id}-all-1.a'] td.part-name")!.TextContent);
        Assert.Null(page.QuerySelector($"#commitments code"));
    }

    private const string FormulaItem = "=HYPERLINK(\"https://evil.example\", \"Click\") and more";

    private const string DownloadText =
        "# Statement of Action\n\nWe, the members, are united.\n\n" +
        "## All members commit to {audience=all}\n\n1. **Put children first**\n" +
        "   a. Listen to children. Give them a say, in *every* decision.\n" +
        $"   b. {FormulaItem}\n";

    [Fact]
    public async Task The_downloads_give_each_row_the_statement_title_and_the_commitments_words_with_formulas_escaped()
    {
        var organisation = await app.OrganisationAsync(Sector.CivilSociety);
        var statement = await app.PublishedStatementAsync([organisation], DownloadText);
        var cycle = await app.CycleAsync(statement.SummitId, [statement.Id]);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var csv = await organiser.GetAsync($"/Reporting/Manage/Cycle/{cycle.Id}/Csv");
        using var reader = new CsvReader(new StringReader((await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF')), CultureInfo.InvariantCulture);
        var rows = new List<List<string>>();
        while (reader.Read())
        {
            var row = new List<string>();
            for (var i = 0; reader.TryGetField<string>(i, out var cell); i++) row.Add(cell ?? "");
            rows.Add(row);
        }
        Assert.Equal(["Organisation", "Sector", "Statement", "Anchor", "Part", "Commitment", "Status"], rows[0].Take(7));
        var words = rows.Skip(1).ToDictionary(r => r[3], r => (Statement: r[2], Commitment: r[5]));
        Assert.Equal(["All members 1", "All members 1(a)", "All members 1(b)"], rows.Skip(1).Select(r => r[4]));
        Assert.Equal(["all-1", "all-1.a", "all-1.b"], words.Keys);
        Assert.All(words.Values, w => Assert.Equal(statement.Title, w.Statement));
        Assert.Equal("Put children first", words["all-1"].Commitment);
        Assert.Equal("Listen to children. Give them a say, in every decision.", words["all-1.a"].Commitment);
        Assert.Equal("'" + FormulaItem, words["all-1.b"].Commitment);

        var xlsx = await organiser.GetAsync($"/Reporting/Manage/Cycle/{cycle.Id}/Xlsx");
        var sheet = MiniExcelLibs.MiniExcel.Query(await xlsx.Content.ReadAsStreamAsync()).Cast<IDictionary<string, object?>>()
            .Select(row => row.Values.Select(v => v?.ToString() ?? "").ToList()).ToList();
        Assert.Equal(rows, sheet);

        var json = await organiser.GetAsync($"/Reporting/Manage/Cycle/{cycle.Id}/Json");
        var objects = System.Text.Json.JsonSerializer.Deserialize<List<Dictionary<string, string>>>(await json.Content.ReadAsStringAsync())!;
        Assert.Equal(["Put children first", "Listen to children. Give them a say, in every decision.", FormulaItem], objects.Select(o => o["Commitment"]));
        Assert.All(objects, o => Assert.Equal(statement.Title, o["Statement"]));
    }

    [Theory]
    [InlineData("**Legislate**", "**Legislate**")]
    [InlineData("Strengthen cooperation\n\nAdvance national collaboration. And more.", "Strengthen cooperation")]
    [InlineData("Advance national, regional and international collaboration! Then more.", "Advance national, regional and international collaboration!")]
    [InlineData("تعزيز التعاون؟ ثم المزيد.", "تعزيز التعاون؟")]
    public void The_gist_is_the_first_paragraph_cut_at_its_first_sentence(string text, string gist) =>
        Assert.Equal(gist, TrackedCommitment.GistOf(text));
}
