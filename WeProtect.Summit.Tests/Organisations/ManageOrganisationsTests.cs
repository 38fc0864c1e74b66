using System.Text;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Organisations;

/// <summary>Create, edit and import through the pages, as an organiser without JavaScript would.
/// The tests share one database, so each uses names of its own.</summary>
public class ManageOrganisationsTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    private Task<Organisation?> FindAsync(string formalName) =>
        app.WithDbAsync(db => db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.FormalName == formalName));

    private Task<int> CountAsync() => app.WithDbAsync(db => db.Organisations.CountAsync());

    private Task<List<AuditEvent>> AuditAsync(string action, string subjectId) =>
        app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == action && e.SubjectId == subjectId).ToListAsync());

    private static string FieldError(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    private static Dictionary<string, string> Fields(string formal, string sort = "", string sector = "Government", string country = "GB", string joinedOn = "") => new()
    {
        ["Input.FormalName"] = formal, ["Input.SortName"] = sort, ["Input.Sector"] = sector,
        ["Input.CountryCode"] = country, ["Input.JoinedOn"] = joinedOn,
    };

    private Task<List<Membership>> PeriodsAsync(int organisationId) =>
        app.WithDbAsync(db => db.Memberships.AsNoTracking().Where(m => m.OrganisationId == organisationId).ToListAsync());

    // ---- Access ----

    [Theory]
    [InlineData("/Organisations/Manage/Create")]
    [InlineData("/Organisations/Manage/Import")]
    [InlineData("/Organisations/Manage/Import?handler=Template")]
    [InlineData("/Organisations/Manage/Edit/1")]
    public async Task Manage_pages_are_for_organisers_and_administrators_only(string url)
    {
        using var anonymous = app.CreateFormClient();
        var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);

        var (member, _) = await app.LoggedInUserAsync();
        using (member)
        {
            var denied = await member.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
        }

        // Edit/1 may not exist yet in this database; being let in is what counts here.
        await EnsureOrganisationOneAsync();
        foreach (var role in new[] { Roles.Organiser, Roles.Admin })
        {
            var (client, _) = await app.LoggedInUserAsync(role);
            using (client) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task A_post_without_the_role_saves_nothing()
    {
        var (organiser, _) = await app.LoggedInUserAsync(Roles.Organiser);
        using (organiser)
        {
            var page = await organiser.GetPageAsync("/Organisations/Manage/Create");
            var (member, _) = await app.LoggedInUserAsync();
            using (member)
            {
                var name = Unique("Sneaky");
                var response = await member.SubmitAsync(page, "form#organisation-form", Fields(name));
                var denied = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied");
                Assert.True(denied || response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode} {response.Headers.Location}");
                Assert.Null(await FindAsync(name));
            }
        }
    }

    private async Task EnsureOrganisationOneAsync() => await app.WithDbAsync(async db =>
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == 1))
        {
            db.Organisations.Add(new Organisation { Id = 1, FormalName = Unique("First"), SortName = "First", Sector = Sector.CivilSociety, CountryCode = "GB" });
            await db.SaveChangesAsync();
        }
    });

    // ---- Create ----

    [Fact]
    public async Task Creating_an_organisation_saves_it_with_an_audit_event_and_its_joining_in_the_membership_register()
    {
        var (client, user) = await app.LoggedInUserAsync(Roles.Organiser);
        using var _ = client;
        var name = Unique("Republic of Côte d'Ivoire");
        var page = await client.GetPageAsync("/Organisations/Manage/Create");
        var response = await client.SubmitAsync(page, "form#organisation-form", Fields($"  {name} ", "Côte d'Ivoire", "Government", "CI", "2019-03-12"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Organisations", response.Headers.Location!.OriginalString);

        var saved = await FindAsync(name);
        Assert.NotNull(saved);
        Assert.Equal(("Côte d'Ivoire", Sector.Government, "CI"), (saved!.SortName, saved.Sector, saved.CountryCode));
        var audit = Assert.Single(await AuditAsync("organisation.created", saved.Id.ToString()));
        Assert.Equal(user.Id, audit.ActorUserId);
        Assert.Contains(name, audit.Summary);
        Assert.Contains("Government", audit.Summary);
        var period = Assert.Single(await PeriodsAsync(saved.Id));
        Assert.Equal((new DateOnly(2019, 3, 12), (DateOnly?)null, user.Id), (period.JoinedOn, period.LeftOn, period.RecordedByUserId));
        Assert.Equal(["membership.joined"], await app.AuditActionsAsync(nameof(Membership), period.Id));

        var directory = await client.GetPageAsync("/Organisations");
        Assert.Contains("was added to the directory", directory.QuerySelector("[role=status]")!.TextContent);
        var edit = await client.GetPageAsync($"/Organisations/Manage/Edit/{saved.Id}");
        Assert.StartsWith("A member of the Alliance since 12 March 2019.", edit.QuerySelector("#membership")!.TextContent.Trim());
        Assert.Null(edit.QuerySelector("[name='Input.JoinedOn']"));
    }

    [Theory]
    [InlineData("Nowhere Government", "Government", "", "2019-05-01", "Input.CountryCode", "A government needs its country.")]
    [InlineData("Atlantis", "Government", "XX", "", "Input.CountryCode", "\"XX\" is not an ISO 3166-1 alpha-2 country code")]
    [InlineData("", "CivilSociety", "GB", "", "Input.FormalName", "The formal name is required.")]
    [InlineData("  ", "CivilSociety", "GB", "", "Input.FormalName", "The formal name is required.")]
    [InlineData("World Body", "InternationalOrganisation", "FR", "", "Input.CountryCode", "An international organisation has no country.")]
    [InlineData("Too Early", "CivilSociety", "GB", "2001-05-01", "Input.JoinedOn", "The Alliance's register starts in 2014.")]
    [InlineData("Not Yet", "CivilSociety", "GB", "2999-05-01", "Input.JoinedOn", "Record a joining once it has happened")]
    [InlineData("No Sector", "", "GB", "", "Input.Sector", "Choose a sector.")]
    public async Task Bad_input_is_explained_on_the_page_and_nothing_is_saved(string formal, string sector, string country, string joinedOn, string field, string message)
    {
        var (client, _) = await app.LoggedInUserAsync(Roles.Organiser);
        using var _c = client;
        var before = await CountAsync();
        var periods = await app.WithDbAsync(db => db.Memberships.CountAsync());
        var page = await client.GetPageAsync("/Organisations/Manage/Create");
        var (response, shown) = await client.SubmitAndFollowAsync(page, "form#organisation-form", Fields(formal, "", sector, country, joinedOn));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(message, FieldError(shown, field));
        Assert.Equal(before, await CountAsync());
        Assert.Equal(periods, await app.WithDbAsync(db => db.Memberships.CountAsync()));
        // The organiser's input is kept.
        Assert.Equal(formal, ((IHtmlInputElement)shown.QuerySelector("#Input_FormalName")!).Value);
    }

    [Fact]
    public async Task A_second_organisation_with_the_same_formal_name_is_refused_with_a_message()
    {
        var (client, _) = await app.LoggedInUserAsync(Roles.Organiser);
        using var _c = client;
        var name = Unique("Duplicate Ministry");
        var page = await client.GetPageAsync("/Organisations/Manage/Create");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, "form#organisation-form", Fields(name))).StatusCode);

        foreach (var again in new[] { name, name.ToUpperInvariant() })
        {
            var (response, shown) = await client.SubmitAndFollowAsync(page, "form#organisation-form", Fields(again, sector: "CivilSociety"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("is already in the directory", FieldError(shown, "Input.FormalName"));
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.Organisations.CountAsync(o => o.FormalName.ToLower() == name.ToLower())));

        // Renaming another organisation to the taken name is refused the same way.
        var other = Unique("Other Ministry");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, "form#organisation-form", Fields(other))).StatusCode);
        var id = (await FindAsync(other))!.Id;
        var edit = await client.GetPageAsync($"/Organisations/Manage/Edit/{id}");
        var (renamed, renamedPage) = await client.SubmitAndFollowAsync(edit, "form#organisation-form", new Dictionary<string, string> { ["Input.FormalName"] = name });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Contains("is already in the directory", FieldError(renamedPage, "Input.FormalName"));
        Assert.NotNull(await FindAsync(other));
    }

    // ---- Edit ----

    [Fact]
    public async Task Editing_saves_the_change_and_audits_what_changed()
    {
        var (client, _) = await app.LoggedInUserAsync(Roles.Organiser);
        using var _c = client;
        var name = Unique("Kingdom of Thailand");
        var page = await client.GetPageAsync("/Organisations/Manage/Create");
        await client.SubmitAsync(page, "form#organisation-form", Fields(name, "Thailand", "Government", "TH", ""));
        var original = (await FindAsync(name))!;

        var edit = await client.GetPageAsync($"/Organisations/Manage/Edit/{original.Id}");
        Assert.Equal(original.Version.ToString(), ((IHtmlInputElement)edit.QuerySelector("input[name='Input.Version']")!).Value);
        Assert.Equal("TH", ((IHtmlSelectElement)edit.QuerySelector("select[name='Input.CountryCode']")!).Value);
        Assert.StartsWith("Not a member of the Alliance.", edit.QuerySelector("#membership")!.TextContent.Trim());
        var response = await client.SubmitAsync(edit, "form#organisation-form", new Dictionary<string, string> { ["Input.ListedName"] = "Thai Kingdom" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var saved = (await FindAsync(name))!;
        Assert.Equal("Thai Kingdom", saved.ListedName);
        Assert.NotEqual(original.Version, saved.Version);
        var audit = Assert.Single(await AuditAsync("organisation.updated", saved.Id.ToString()));
        Assert.Contains("Listed as", audit.Summary);
        Assert.Contains("Thai Kingdom", audit.Summary);
        Assert.DoesNotContain("Sector", audit.Summary);
        Assert.True((await app.WithDbAsync(db => app.Services.CreateScope().ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync())).IsIntact);
    }

    [Fact]
    public async Task A_stale_edit_says_someone_else_changed_it_and_overwrites_nothing()
    {
        var (client, _) = await app.LoggedInUserAsync(Roles.Organiser);
        using var _c = client;
        var name = Unique("Federative Republic of Brazil");
        var create = await client.GetPageAsync("/Organisations/Manage/Create");
        await client.SubmitAsync(create, "form#organisation-form", Fields(name, "Brazil", "Government", "BR"));
        var id = (await FindAsync(name))!.Id;

        var edit = await client.GetPageAsync($"/Organisations/Manage/Edit/{id}");
        // Meanwhile a colleague saves a change.
        await app.WithDbAsync(async db =>
        {
            var o = await db.Organisations.SingleAsync(x => x.Id == id);
            o.SortName = "Brasil";
            o.Version = Guid.NewGuid();
            await db.SaveChangesAsync();
        });

        var (response, shown) = await client.SubmitAndFollowAsync(edit, "form#organisation-form", new Dictionary<string, string> { ["Input.ListedName"] = "Brazil" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this organisation", shown.QuerySelector("#form-errors")!.TextContent);
        Assert.Contains("Brasil", shown.QuerySelector("#their-version")!.TextContent);
        var kept = (await FindAsync(name))!;
        Assert.Equal(("Brasil", (string?)null), (kept.SortName, kept.ListedName));
        Assert.Empty(await AuditAsync("organisation.updated", id.ToString()));
        // The organiser's input is still in the form.
        Assert.Equal("Brazil", ((IHtmlInputElement)shown.QuerySelector("#Input_ListedName")!).Value);

        // Saving again, having seen their version, is deliberate and goes through.
        var again = await client.SubmitAsync(shown, "form#organisation-form");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Brazil", (await FindAsync(name))!.ListedName);
    }

    [Fact]
    public async Task Editing_a_missing_organisation_is_404()
    {
        var (client, _) = await app.LoggedInUserAsync(Roles.Organiser);
        using var _c = client;
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Organisations/Manage/Edit/999999")).StatusCode);
    }

    // ---- Import ----

    [Fact]
    public async Task Importing_a_good_file_adds_every_organisation_with_audit_events_and_lists_them_publicly()
    {
        var (client, user) = await app.LoggedInUserAsync(Roles.Organiser);
        using var _c = client;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = "formal_name,sort_name,sector,country,member_since\n" +
                  $"\"Republic of Korea {tag}\",\"Korea, Republic of {tag}\",Government,KR,2016\n" +
                  $"Interpol {tag},,International organisation,,2014\n" +
                  $"\"Fundação São Tomé, {tag}\",,Civil society,ST,\n";
        var before = await CountAsync();

        var page = await client.GetPageAsync("/Organisations/Manage/Import");
        var response = await client.SubmitAsync(page, "form#import-form", files: new Dictionary<string, (string, byte[])>
        {
            ["Upload"] = ("members.csv", Encoding.UTF8.GetBytes(csv)),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before + 3, await CountAsync());
        var interpol = (await FindAsync($"Interpol {tag}"))!;
        Assert.Equal((Sector.InternationalOrganisation, (string?)null), (interpol.Sector, interpol.CountryCode));
        // member_since joins the register on 1 January of the year; an empty cell is no member.
        Assert.Equal([new DateOnly(2014, 1, 1)], (await PeriodsAsync(interpol.Id)).Select(p => p.JoinedOn));
        Assert.Empty(await PeriodsAsync((await FindAsync($"Fundação São Tomé, {tag}"))!.Id));
        var joined = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == "membership.joined" && e.Summary.Contains(tag)).ToListAsync());
        Assert.Equal(2, joined.Count);
        Assert.All(joined, e => Assert.Contains("imported from members.csv", e.Summary));

        var events = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == "organisation.imported" && e.Summary.Contains(tag)).ToListAsync());
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal(user.Id, e.ActorUserId));
        Assert.All(events, e => Assert.Contains("members.csv", e.Summary));
        Assert.Contains(events, e => e.SubjectId == interpol.Id.ToString() && e.Summary.Contains("of 3"));

        using var anonymous = app.CreateFormClient();
        var directory = await anonymous.GetPageAsync($"/Organisations?q={tag}");
        var names = directory.QuerySelectorAll("td.organisation-name").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(3, names.Count);
        Assert.Contains($"Fundação São Tomé, {tag}", names);
    }

    [Fact]
    public async Task Importing_a_file_with_bad_rows_lists_every_bad_row_and_saves_nothing()
    {
        var (client, _) = await app.LoggedInUserAsync(Roles.Organiser);
        using var _c = client;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = "formal_name,sort_name,sector,country,member_since\n" +   // 1
                  $"Good {tag},,Civil society,GB,2014\n" +                   // 2
                  $"Bad Sector {tag},,Charity,GB,\n" +                       // 3
                  $"Good Two {tag},,Private sector,US,\n" +                  // 4
                  $"No Country {tag},,Government,,\n" +                      // 5
                  $"Good {tag},,Civil society,GB,\n";                        // 6 duplicate of 2
        var before = await CountAsync();
        var auditBefore = await app.WithDbAsync(db => db.AuditEvents.CountAsync());

        var page = await client.GetPageAsync("/Organisations/Manage/Import");
        var (response, shown) = await client.SubmitAndFollowAsync(page, "form#import-form", files: new Dictionary<string, (string, byte[])>
        {
            ["Upload"] = ("members.csv", Encoding.UTF8.GetBytes(csv)),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = shown.QuerySelectorAll("#import-errors tbody tr").ToList();
        Assert.Equal(["3", "5", "6"], rows.Select(r => r.QuerySelector(".import-line")!.TextContent.Trim()));
        Assert.Contains("\"Charity\" is not a sector", rows[0].TextContent);
        Assert.Contains("A government needs its country.", rows[1].TextContent);
        Assert.Contains("also on line 2", rows[2].TextContent);
        Assert.Contains("Nothing was imported", shown.QuerySelector("#import-errors-heading")!.TextContent);

        Assert.Equal(before, await CountAsync());
        Assert.Equal(auditBefore, await app.WithDbAsync(db => db.AuditEvents.CountAsync()));
    }

    [Fact]
    public async Task Importing_without_a_file_or_with_a_file_over_the_limit_explains_why()
    {
        var (client, _) = await app.LoggedInUserAsync(Roles.Organiser);
        using var _c = client;
        var page = await client.GetPageAsync("/Organisations/Manage/Import");
        var (_, none) = await client.SubmitAndFollowAsync(page, "form#import-form", files: new Dictionary<string, (string, byte[])>());
        Assert.Contains("Choose a CSV file", none.QuerySelector("form#import-form")!.TextContent);

        var big = new byte[OrganisationCsvImport.MaxFileBytes + 10];
        Array.Fill(big, (byte)'a');
        var (response, tooBig) = await client.SubmitAndFollowAsync(page, "form#import-form", files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("big.csv", big) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("larger than 1 MB", tooBig.QuerySelector("form#import-form")!.TextContent);
    }

    [Fact]
    public async Task The_template_downloads_as_csv_and_imports_cleanly()
    {
        var (client, _) = await app.LoggedInUserAsync(Roles.Organiser);
        using var _c = client;
        var page = await client.GetPageAsync("/Organisations/Manage/Import");
        var href = page.QuerySelector("a#import-template")!.GetAttribute("href")!;
        var response = await client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("organisations-template.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("formal_name,sort_name,sector,country,member_since,listed_name", lines[0]);
        Assert.True(OrganisationCsvImport.Read(bytes, [], app.UtcNow.Year).Succeeded);
    }
}
