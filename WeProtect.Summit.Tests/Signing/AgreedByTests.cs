using Microsoft.AspNetCore.Hosting;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Signing;

/// <summary>The public "Agreed by" page: by sector, culture-aware order by sort name, formal names, count; embargo.</summary>
public class AgreedByTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Url(int statementId) => $"/Statements/{statementId}/agreed-by";

    private static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page, Sector sector) =>
        page.QuerySelectorAll($".agreed-by-sector[data-sector={sector}] li").Select(li => li.TextContent.Trim()).ToList();

    private async Task<Organisation> OrganisationAsync(string formal, string sort, Sector sector) => await app.WithDbAsync(async db =>
    {
        var o = new Organisation { FormalName = formal + " " + Guid.NewGuid().ToString("N")[..4], SortName = sort, Sector = sector, CountryCode = sector == Sector.Government ? "GB" : null };
        db.Organisations.Add(o);
        await db.SaveChangesAsync();
        return o;
    });

    [Fact]
    public async Task Signatories_are_grouped_by_sector_and_ordered_by_sort_name_culture_aware_and_the_list_follows_signatures()
    {
        var (statement, final) = await app.OpenStatementAsync();
        using var anonymous = app.CreateFormClient();
        Assert.Equal("0", (await anonymous.GetPageAsync(Url(statement.Id))).QuerySelector("#agreed-by-count strong")!.TextContent);

        var orgs = new[]
        {
            ("Zambia", "Zambia", Sector.Government), ("Türkiye", "Türkiye", Sector.Government),
            ("People's Republic of China", "China", Sector.Government), ("Côte d'Ivoire", "Côte d'Ivoire", Sector.Government),
            ("Albania", "Albania", Sector.Government), ("Åland", "Åland", Sector.Government),
            ("UNODC", "UNODC", Sector.InternationalOrganisation), ("INTERPOL", "INTERPOL", Sector.InternationalOrganisation),
            ("Childline", "Childline", Sector.CivilSociety),
        };
        var made = new Dictionary<string, Organisation>();
        foreach (var (formal, sort, sector) in orgs)
        {
            var organisation = await OrganisationAsync(formal, sort, sector);
            made[formal] = organisation;
            await app.EndorseAsync(statement, final, organisation);
        }
        // A withdrawn endorsement is not on the list.
        var withdrawnOrg = await OrganisationAsync("Withdrawn Republic", "Withdrawn Republic", Sector.Government);
        var withdrawn = await app.EndorseAsync(statement, final, withdrawnOrg);
        await app.WithDbAsync(async db =>
        {
            var e = await db.Endorsements.SingleAsync(x => x.Id == withdrawn.Id);
            Assert.Null(e.Withdraw("test", e.SignerUserId, app.UtcNow));
            await db.SaveChangesAsync();
        });

        var page = await anonymous.GetPageAsync(Url(statement.Id));
        Assert.Equal(orgs.Length.ToString(), page.QuerySelector("#agreed-by-count strong")!.TextContent);
        string F(string formal) => made[formal].FormalName;
        // Invariant culture: Å, Ç… sort with their base letters, and the PRC under C (its sort name), not under P.
        Assert.Equal([F("Åland"), F("Albania"), F("People's Republic of China"), F("Côte d'Ivoire"), F("Türkiye"), F("Zambia")], Names(page, Sector.Government));
        Assert.Equal([F("INTERPOL"), F("UNODC")], Names(page, Sector.InternationalOrganisation));
        Assert.Equal([F("Childline")], Names(page, Sector.CivilSociety));
        Assert.Equal(["Government", "InternationalOrganisation", "CivilSociety"],
            page.QuerySelectorAll(".agreed-by-sector").Select(s => s.GetAttribute("data-sector")!).ToList());
        Assert.DoesNotContain(page.QuerySelectorAll(".agreed-by-sector"), s => s.TextContent.Contains("Withdrawn Republic"));
        // Under the list, the name that was there is explained.
        Assert.StartsWith($"{withdrawnOrg.FormalName}: endorsement withdrawn on ", page.QuerySelector("#withdrawn li")!.TextContent);

        // The configured culture decides: in Swedish, Å is a letter after Z.
        using var swedish = app.WithWebHostBuilder(b => b.UseSetting("Signing:Culture", "sv-SE"));
        using var swedishClient = new FormClient(swedish.CreateClient());
        var sv = await swedishClient.GetPageAsync(Url(statement.Id));
        Assert.Equal([F("Albania"), F("People's Republic of China"), F("Côte d'Ivoire"), F("Türkiye"), F("Zambia"), F("Åland")], Names(sv, Sector.Government));

        // A new signature shows at once (no stale cache).
        var late = await OrganisationAsync("Bhutan", "Bhutan", Sector.Government);
        await app.EndorseAsync(statement, final, late);
        var after = await anonymous.GetPageAsync(Url(statement.Id));
        Assert.Equal((orgs.Length + 1).ToString(), after.QuerySelector("#agreed-by-count strong")!.TextContent);
        Assert.Equal(late.FormalName, Names(after, Sector.Government)[2]);
        // The htmx poll gets the list alone.
        var request = new HttpRequestMessage(HttpMethod.Get, Url(statement.Id));
        request.Headers.Add("HX-Request", "true");
        var fragment = await (await anonymous.Http.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("agreed-by-count", fragment);
        Assert.DoesNotContain("<html", fragment);
    }

    [Fact]
    public async Task An_embargoed_list_shows_only_the_count_until_publication()
    {
        var (statement, final) = await app.OpenStatementAsync(embargoed: true);
        var organisation = await OrganisationAsync("Embargo Land", "Embargo Land", Sector.Government);
        await app.EndorseAsync(statement, final, organisation);
        using var anonymous = app.CreateFormClient();
        var page = await anonymous.GetPageAsync(Url(statement.Id));
        Assert.Equal("1", page.QuerySelector("#agreed-by-count strong")!.TextContent);
        Assert.NotNull(page.QuerySelector("#agreed-by-embargo"));
        Assert.DoesNotContain(organisation.FormalName, page.Body!.TextContent);

        // Closed: still embargoed. Published: the names appear.
        await app.WithDbAsync(async db =>
        {
            var s = await db.Statements.SingleAsync(x => x.Id == statement.Id);
            Assert.Null(s.CloseSigning(app.UtcNow));
            await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(organisation.FormalName, (await anonymous.GetPageAsync(Url(statement.Id))).Body!.TextContent);
        await app.WithDbAsync(async db =>
        {
            var s = await db.Statements.SingleAsync(x => x.Id == statement.Id);
            Assert.Null(s.MoveTo(StatementStatus.Published));
            await db.SaveChangesAsync();
        });
        Assert.Equal([organisation.FormalName], Names(await anonymous.GetPageAsync(Url(statement.Id)), Sector.Government));
    }

    [Fact]
    public async Task A_statement_not_yet_open_for_signature_has_no_list()
    {
        var summit = await app.CreateOpenSummitAsync();
        var id = await app.WithDbAsync(async db =>
        {
            var s = new Statement { SummitId = summit.Id, Title = "Draft", CreatedUtc = app.UtcNow };
            db.Statements.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        using var anonymous = app.CreateFormClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Url(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Url(987654))).StatusCode);
    }
}
