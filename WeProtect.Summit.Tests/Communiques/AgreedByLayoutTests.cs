using System.Globalization;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using CsvHelper;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Tests.Signing;

namespace WeProtect.Summit.Tests.Communiques;

/// <summary>"Agreed by" as printed: the organiser chooses the statement's layout in its settings, and the public page,
/// the communiqué PDF, the signatory CSV, JSON and PDF, the communiqué page and the verification page all print the
/// same names (the listed name where there is one) in the same order, with the same headings or none.</summary>
public class AgreedByLayoutTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static readonly string[] Headings = ["Governments", "International organisations", "Private sector", "Civil society"];

    private sealed record Org(string Formal, string Sort, string? Listed, Sector Sector, string? Country)
    {
        public string Printed => Listed ?? Formal;
    }

    [Theory]
    [InlineData(AgreedByLayout.BySector)]
    [InlineData(AgreedByLayout.Alphabetical)]
    public async Task Every_output_prints_the_listed_names_in_the_layout_chosen_and_in_one_order(AgreedByLayout layout)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var uae = new Org($"United Arab Emirates {tag}", $"United Arab Emirates {tag}", $"UAE {tag}", Sector.Government, "AE");
        var albania = new Org($"Republic of Albania {tag}", $"Albania {tag}", null, Sector.Government, "AL");
        var kosovo = new Org($"Republic of Kosovo {tag}", $"Kosovo {tag}", $"Kosovo {tag}", Sector.Government, "XK");
        var unicef = new Org($"United Nations Children's Fund {tag}", $"UNICEF {tag}", $"UNICEF {tag}", Sector.InternationalOrganisation, null);
        var bravo = new Org($"Bravo Online Ltd {tag}", $"Bravo Online {tag}", null, Sector.PrivateSector, "GB");
        var childline = new Org($"Childline Foundation {tag}", $"Childline {tag}", null, Sector.CivilSociety, "GB");
        Org[] all = [uae, albania, kosovo, unicef, bravo, childline];
        // By sort name either way; by sector first when the layout says so.
        var expected = (layout == AgreedByLayout.Alphabetical
            ? new[] { albania, bravo, childline, kosovo, unicef, uae }
            : [albania, kosovo, uae, unicef, bravo, childline]).Select(o => o.Printed).ToList();
        var expectedHeadings = layout == AgreedByLayout.Alphabetical ? [] : Headings;

        var (statement, final) = await app.OpenStatementAsync();
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var edit = await organiser.GetPageAsync($"/Statements/Manage/Edit/{statement.Id}");
        var (_, saved) = await organiser.SubmitAndFollowAsync(edit, "form#settings-form",
            new Dictionary<string, string> { ["Settings.AgreedByLayout"] = layout.ToString() });
        Assert.True(saved.QuerySelector("#status") is not null, saved.QuerySelector(".alert-danger")?.TextContent ?? "no status");
        Assert.Equal(layout, await app.WithDbAsync(db => db.Statements.Where(s => s.Id == statement.Id).Select(s => s.AgreedByLayout).SingleAsync()));
        if (layout != AgreedByLayout.BySector)
            Assert.Contains(await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
                    .Where(e => e.Action == "statement.settings-changed" && e.SubjectId == statement.Id.ToString()).Select(e => e.Summary).ToListAsync()),
                summary => summary.Contains(nameof(Statement.AgreedByLayout)));

        foreach (var o in all)
        {
            var organisation = await app.WithDbAsync(async db =>
            {
                var entity = new Organisation { FormalName = o.Formal, SortName = o.Sort, ListedName = o.Listed, Sector = o.Sector, CountryCode = o.Country };
                entity.Normalise();
                Assert.Empty(entity.Validate());
                db.Organisations.Add(entity);
                await db.SaveChangesAsync();
                return entity;
            });
            await app.EndorseAsync(statement, final, organisation);
        }

        // The public page while signing is open.
        using var anonymous = app.CreateFormClient();
        AssertHtmlList(await anonymous.GetPageAsync($"/Statements/{statement.Id}/agreed-by"), "#agreed-by", expected, expectedHeadings);

        // Closed and published: the communiqué and every download.
        await app.WithDbAsync(async db =>
        {
            var s = await db.Statements.SingleAsync(x => x.Id == statement.Id);
            Assert.Null(s.CloseSigning(app.UtcNow));
            await db.SaveChangesAsync();
        });
        var communique = await app.PublishedAsync(statement.Id);
        AssertPdfList(PdfTools.Words(communique.Pdf!), expected, expectedHeadings, uae.Formal);

        var csvText = Encoding.UTF8.GetString(await anonymous.Http.GetByteArrayAsync($"/Communiques/Signatories/{statement.Id}/csv")).TrimStart('\uFEFF');
        using (var csv = new CsvReader(new StringReader(csvText), CultureInfo.InvariantCulture))
        {
            csv.Read();
            csv.ReadHeader();
            var rows = new List<(string Listed, string Formal)>();
            while (csv.Read()) rows.Add((csv.GetField("ListedName")!, csv.GetField("FormalName")!));
            Assert.Equal(expected, rows.Select(r => r.Listed));
            Assert.Contains((uae.Listed!, uae.Formal), rows);
        }

        var json = JsonDocument.Parse(await anonymous.Http.GetByteArrayAsync($"/Communiques/Signatories/{statement.Id}/json")).RootElement;
        Assert.Equal(layout == AgreedByLayout.Alphabetical ? "alphabetical" : "bySector", json.GetProperty("layout").GetString());
        Assert.Equal(expected, json.GetProperty("signatories").EnumerateArray().Select(e => e.GetProperty("listedName").GetString()));

        AssertPdfList(PdfTools.BodyWords(await anonymous.Http.GetByteArrayAsync($"/Communiques/Signatories/{statement.Id}/pdf")),
            expected, expectedHeadings, uae.Formal);

        AssertHtmlList(await anonymous.GetPageAsync($"/Communiques/{communique.Id}"), "#signatories", expected, expectedHeadings);
        var (_, verified) = await anonymous.VerifyAsync(communique.Pdf!);
        AssertHtmlList(verified, "#signatories", expected, expectedHeadings);
        AssertHtmlList(await anonymous.GetPageAsync($"/Statements/{statement.Id}/agreed-by"), "#agreed-by", expected, expectedHeadings);
    }

    [Fact]
    public async Task The_layout_is_frozen_with_the_other_settings_once_signing_is_closed()
    {
        var (statement, _) = await app.OpenStatementAsync();
        await app.WithDbAsync(async db =>
        {
            var s = await db.Statements.SingleAsync(x => x.Id == statement.Id);
            Assert.Null(s.SetAgreedByLayout(AgreedByLayout.Alphabetical));
            Assert.Null(s.CloseSigning(app.UtcNow));
            Assert.Contains("can no longer change", s.SetAgreedByLayout(AgreedByLayout.BySector)?.ToString());
            Assert.Equal(AgreedByLayout.Alphabetical, s.AgreedByLayout);
            await db.SaveChangesAsync();
        });
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var edit = await organiser.GetPageAsync($"/Statements/Manage/Edit/{statement.Id}");
        Assert.Null(edit.QuerySelector("form#settings-form"));
        Assert.Equal("one alphabetical list", edit.QuerySelector("#settings-agreed-by-layout")!.TextContent);
    }

    /// <summary>The names in reading order and the headings: the same everywhere the list is shown in HTML.</summary>
    private static void AssertHtmlList(IHtmlDocument page, string container, IReadOnlyList<string> expected, IReadOnlyList<string> headings)
    {
        var list = page.QuerySelector(container);
        Assert.True(list is not null, $"No {container} on {page.Url}");
        Assert.Equal(expected, list.QuerySelectorAll(".signatory").Select(li => li.TextContent.Trim()));
        Assert.Equal(headings, list.QuerySelectorAll(".agreed-by-heading").Select(h => h.TextContent.Trim()));
    }

    /// <summary>Each name once, in order; each heading once, just before its sector's first name; none in one list;
    /// the formal name of an organisation listed under a short name not printed.</summary>
    private static void AssertPdfList(string words, IReadOnlyList<string> expected, IReadOnlyList<string> headings, string hiddenFormalName)
    {
        var positions = expected.Select(name =>
        {
            Assert.True(PdfTools.CountPhrase(words, name) == 1, $"\"{name}\" once in: {words}");
            return PdfTools.PositionOf(words, name);
        }).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(0, PdfTools.CountPhrase(words, hiddenFormalName));
        foreach (var heading in Headings)
            Assert.Equal(headings.Contains(heading) ? 1 : 0, PdfTools.CountPhrase(words, heading));
        if (headings.Count == 0) return;
        // Governments (3 names), International organisations (1), Private sector (1), Civil society (1).
        int[] firstOfSector = [0, 3, 4, 5];
        for (var i = 0; i < headings.Count; i++)
        {
            var at = PdfTools.PositionOf(words, headings[i]);
            Assert.True(at < positions[firstOfSector[i]], $"{headings[i]} before {expected[firstOfSector[i]]}");
            if (firstOfSector[i] > 0) Assert.True(at > positions[firstOfSector[i] - 1], $"{headings[i]} after {expected[firstOfSector[i] - 1]}");
        }
    }
}
