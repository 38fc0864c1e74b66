using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Organisations;

public class DirectoryTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    private static IReadOnlyList<string> Names(IHtmlDocument page) =>
        page.QuerySelectorAll("#directory-table tbody td.organisation-name").Select(td => td.TextContent.Trim()).ToList();

    private async Task<IHtmlDocument> DirectoryAsync(string query = "")
    {
        await app.SeededAsync();
        using var client = app.CreateFormClient();
        return await client.GetPageAsync("/Organisations" + query);
    }

    [Fact]
    public async Task Names_sort_as_a_reader_expects_not_by_code_point()
    {
        var names = Names(await DirectoryAsync());
        Assert.Equal(8, names.Count);
        int At(string name) => names.ToList().IndexOf(name);
        // Côte d'Ivoire between China and Cuba; ordinal order would put it after Cuba ('ô' > 'u').
        Assert.True(At("People's Republic of China") < At("Republic of Côte d'Ivoire"), string.Join(", ", names));
        Assert.True(At("Republic of Côte d'Ivoire") < At("Republic of Cuba"), string.Join(", ", names));
        Assert.True(At("Republic of Türkiye") < At("Republic of Zambia"), string.Join(", ", names));
        Assert.Equal("Republic of Zambia", names[^1]);
    }

    [Fact]
    public void The_name_order_is_culture_aware()
    {
        var order = WeProtect.Summit.Web.Pages.Organisations.IndexModel.NameOrder;
        string[] sorted = [.. new[] { "Zambia", "Cuba", "Türkiye", "Côte d'Ivoire", "China", "åland", "Uganda" }.Order(order)];
        Assert.Equal(["åland", "China", "Côte d'Ivoire", "Cuba", "Türkiye", "Uganda", "Zambia"], sorted);
    }

    [Fact]
    public async Task The_directory_shows_sector_country_and_year_and_the_figures_by_sector()
    {
        var page = await DirectoryAsync();
        var cuba = page.QuerySelectorAll("#directory-table tbody tr").Single(r => r.TextContent.Contains("Republic of Cuba"));
        var cells = cuba.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Republic of Cuba", "Government", "Cuba", "—"], cells.Take(4));
        var unicef = page.QuerySelectorAll("#directory-table tbody tr").Single(r => r.TextContent.Contains("Children's Fund"));
        Assert.Equal(["International organisation", "—", "2014"], unicef.QuerySelectorAll("td").Skip(1).Take(3).Select(c => c.TextContent.Trim()));

        var figures = page.QuerySelector("#directory-figures")!.TextContent;
        // Members are the ones with a year: Cuba is in the directory but not a member.
        Assert.Contains("4 governments, 1 private sector, 1 civil society, 1 international organisation", Collapse(figures));
        Assert.Contains("7 members of the Alliance", Collapse(figures));
        Assert.Contains("8 organisations in all", Collapse(figures));
        Assert.Contains("of 5 in the directory", Collapse(page.QuerySelector("[data-sector=Government]")!.TextContent));
    }

    [Fact]
    public async Task The_plain_get_form_filters_by_sector_country_and_search()
    {
        var page = await DirectoryAsync();
        var form = (IHtmlFormElement)page.QuerySelector("form#directory-search")!;
        Assert.Equal("get", form.Method.ToLowerInvariant());
        Assert.NotNull(form.QuerySelector("input[name=q]"));
        Assert.NotNull(form.QuerySelector("select[name=sector] option[value=CivilSociety]"));
        Assert.NotNull(form.QuerySelector("select[name=country] option[value=CI]"));
        Assert.Equal("#directory-results", form.GetAttribute("hx-target"));

        Assert.Equal(["ECPAT International"], Names(await DirectoryAsync("?sector=CivilSociety")));
        Assert.Equal(5, Names(await DirectoryAsync("?sector=Government")).Count);
        Assert.Equal(["United Nations Children's Fund"], Names(await DirectoryAsync("?country=none")));
        Assert.Equal(["Republic of Türkiye"], Names(await DirectoryAsync("?country=TR")));
        // Search ignores accents and case, and looks at the country's name too.
        Assert.Equal(["Republic of Côte d'Ivoire"], Names(await DirectoryAsync("?q=cote")));
        Assert.Equal(["Meta Platforms, Inc."], Names(await DirectoryAsync("?q=united+states")));
        Assert.Equal(["Republic of Cuba"], Names(await DirectoryAsync("?q=republic&sector=Government&country=CU")));
        var none = await DirectoryAsync("?q=nothing-like-this");
        Assert.Empty(Names(none));
        Assert.NotNull(none.QuerySelector("#directory-empty"));
        // The form shows what was asked.
        var asked = await DirectoryAsync("?q=cote&sector=Government");
        Assert.Equal("cote", ((IHtmlInputElement)asked.QuerySelector("#directory-q")!).Value);
        Assert.Equal("Government", ((IHtmlSelectElement)asked.QuerySelector("#directory-sector")!).Value);
    }

    [Fact]
    public async Task An_htmx_request_gets_only_the_results()
    {
        await app.SeededAsync();
        using var client = app.CreateFormClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/Organisations?sector=CivilSociety");
        request.Headers.Add("HX-Request", "true");
        var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("HX-Request", response.Headers.Vary);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", body);
        Assert.DoesNotContain("directory-figures", body);
        Assert.DoesNotContain("directory-search", body);
        var partial = await FormClient.ParseAsync(response, body);
        Assert.Equal(["ECPAT International"], Names(partial));

        // A history restore (htmx reloading a pushed URL) needs the whole page.
        var restore = new HttpRequestMessage(HttpMethod.Get, "/Organisations?sector=CivilSociety");
        restore.Headers.Add("HX-Request", "true");
        restore.Headers.Add("HX-History-Restore-Request", "true");
        Assert.Contains("<html", await (await client.Http.SendAsync(restore)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Organisers_see_links_to_add_import_and_edit_and_others_do_not()
    {
        await app.SeededAsync();
        using var anonymous = app.CreateFormClient();
        var page = await anonymous.GetPageAsync("/Organisations");
        Assert.Null(page.QuerySelector("#add-organisation"));
        Assert.Null(page.QuerySelector("#import-organisations"));
        Assert.Empty(page.QuerySelectorAll(".edit-organisation"));

        var (member, _) = await app.LoggedInUserAsync();
        using (member) Assert.Null((await member.GetPageAsync("/Organisations")).QuerySelector("#add-organisation"));

        var (organiser, _) = await app.LoggedInUserAsync(Roles.Organiser);
        using (organiser)
        {
            var managed = await organiser.GetPageAsync("/Organisations");
            Assert.Equal("/Organisations/Manage/Create", managed.QuerySelector("a#add-organisation")!.GetAttribute("href"));
            Assert.Equal("/Organisations/Manage/Import", managed.QuerySelector("a#import-organisations")!.GetAttribute("href"));
            Assert.Equal(8, managed.QuerySelectorAll("a.edit-organisation").Length);
            Assert.Matches(@"^/Organisations/Manage/Edit/\d+$", managed.QuerySelector("a.edit-organisation")!.GetAttribute("href"));
        }
    }

    private static string Collapse(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}
