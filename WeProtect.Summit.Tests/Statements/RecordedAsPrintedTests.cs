using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Data.Summits;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>A summit held before the app was used (Addis Ababa 2019) entered for the Alliance's record: created with
/// past days and no registration, its statement's endorsements recorded from the printed "Agreed by" list (all or
/// nothing, names matched to the register, the text's audience checked), the record closed and the communiqué
/// published; the public list, the communiqué PDF, the downloads and the evidence say that nobody signed them here.</summary>
public class RecordedAsPrintedTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private const string Source = "Communiqué of the Addis Ababa summit, 11 December 2019";

    [Fact]
    public async Task A_past_summit_is_recorded_its_endorsements_entered_as_printed_and_its_communique_says_so()
    {
        var (organiser, organiserUser) = await app.LoggedInUserAsync(Roles.Organiser);
        var name = $"Addis Ababa 2019 {Guid.NewGuid():N}"[..30];
        Dictionary<string, string> Form(bool record, bool registration) => new()
        {
            ["Input.Name"] = name, ["Input.City"] = "Addis Ababa", ["Input.CountryCode"] = "ET",
            ["Input.StartDate"] = "2019-12-10", ["Input.EndDate"] = "2019-12-11", ["Input.TimeZoneId"] = "Africa/Addis_Ababa",
            ["Input.RegistrationOpens"] = registration ? "2019-09-01T09:00" : "", ["Input.RegistrationCloses"] = registration ? "2019-12-01T17:00" : "",
            ["Input.DelegateCapacity"] = "400", ["Input.RecordedAfterwards"] = record ? "true" : "false",
        };

        // Past days are a slip of the year for a summit to run; for one recorded afterwards they are the point, without registration.
        var create = await organiser.GetPageAsync("/Summits/Manage/Edit");
        var notRecorded = await FormClient.ParseAsync(await organiser.SubmitAsync(create, "#summit-form", Form(record: false, registration: false)));
        Assert.Contains("already past", notRecorded.QuerySelector("span[data-valmsg-for='Input.StartDate']")!.TextContent);
        var withRegistration = await FormClient.ParseAsync(await organiser.SubmitAsync(create, "#summit-form", Form(record: true, registration: true)));
        Assert.Contains("A summit recorded afterwards takes no registration", withRegistration.QuerySelector(".validation-summary-errors")!.TextContent);
        var notYetHeld = new Dictionary<string, string>(Form(record: true, registration: false)) { ["Input.EndDate"] = "2099-12-11" };
        var upcoming = await FormClient.ParseAsync(await organiser.SubmitAsync(create, "#summit-form", notYetHeld));
        Assert.Equal("A summit recorded afterwards has taken place: its last day is before today on the summit's clock.",
            upcoming.QuerySelector("span[data-valmsg-for='Input.StartDate']")!.TextContent.Trim());
        Assert.False(await app.WithDbAsync(db => db.Summits.AnyAsync(s => s.Name == name)));
        var (_, summitPage) = await organiser.SubmitAndFollowAsync(create, "#summit-form", Form(record: true, registration: false));
        var summit = await app.WithDbAsync(db => db.Summits.AsNoTracking().SingleAsync(s => s.Name == name));
        Assert.True(summit.RecordedAfterwards);
        var summits = await organiser.GetPageAsync("/Summits/Manage");
        Assert.Equal("Recorded afterwards", summits.QuerySelectorAll("tr").Single(tr => tr.TextContent.Contains(name)).QuerySelector(".recorded-afterwards")!.TextContent);
        Assert.NotNull(summitPage.QuerySelector("#recorded-afterwards"));
        Assert.Null(summitPage.QuerySelector("#Input_RegistrationOpens"));
        // Its details stay correctable (the form posts no registration window).
        var (_, corrected) = await organiser.SubmitAndFollowAsync(summitPage, "#summit-form", new Dictionary<string, string> { ["Input.Venue"] = "African Union Conference Centre" });
        Assert.Equal("Summit saved.", corrected.QuerySelector("[role=status]")!.TextContent.Trim());
        // From draft straight to archived: it never opens for registration.
        Assert.Equal(["Archive"], summitPage.QuerySelectorAll(".status-form button").Select(b => b.TextContent.Trim()).ToList());

        var statementId = await app.FinalStatementAsync(summit.Id, organiserUser);
        var edit = await organiser.GetPageAsync($"/Statements/Manage/Edit/{statementId}");
        Assert.NotNull(edit.QuerySelector("#recorded-afterwards"));
        Assert.Null(edit.QuerySelector("#move-OpenForSignature"));
        // No signing window, late or standing endorsement is offered: nothing is signed here.
        Assert.Null(edit.QuerySelector("#Settings_SigningOpens"));
        Assert.Null(edit.QuerySelector("#Settings_Standing"));
        var record = await organiser.GetPageAsync(edit.QuerySelector("#link-record")!.GetAttribute("href")!);

        var republic = await app.OrganisationAsync(Sector.Government, $"Republic of Alpha {Guid.NewGuid():N}"[..30]);
        var kingdom = await app.OrganisationAsync(Sector.Government, $"Kingdom of Beta {Guid.NewGuid():N}"[..30]);
        var charity = await app.OrganisationAsync(Sector.CivilSociety, $"Gamma Foundation {Guid.NewGuid():N}"[..30]);
        Dictionary<string, string> Names(params string[] names) => new()
        {
            ["Input.Names"] = string.Join(",\n", names), ["Input.AgreedOn"] = "2019-12-11", ["Input.Source"] = Source,
        };

        // All or nothing: a name the register does not hold, or an organisation the text does not speak to, refuses the list.
        var unknown = await FormClient.ParseAsync(await organiser.SubmitAsync(record, "#record-form", Names(republic.FormalName, "Nowhere Land")));
        Assert.Contains("No organisation is called Nowhere Land", unknown.QuerySelector("span[data-valmsg-for='Input.Names']")!.TextContent);
        Assert.Equal(republic.FormalName + ",\nNowhere Land", unknown.QuerySelector("#Input_Names")!.TextContent.Trim());
        var outside = await FormClient.ParseAsync(await organiser.SubmitAsync(record, "#record-form", Names(republic.FormalName, charity.FormalName)));
        Assert.Contains($"The text does not speak to {charity.FormalName}", outside.Errors());
        var future = await FormClient.ParseAsync(await organiser.SubmitAsync(record, "#record-form",
            new Dictionary<string, string>(Names(republic.FormalName)) { ["Input.AgreedOn"] = "2019-12-09" }));
        Assert.Contains("The day agreed falls between the summit's first day and today.", future.Errors());
        Assert.Empty(await app.EndorsementsAsync(statementId));

        // Names as printed: any case, run together with a final "and"; one already recorded is passed over.
        var (_, recorded) = await organiser.SubmitAndFollowAsync(record, "#record-form", new Dictionary<string, string>(Names())
        {
            ["Input.Names"] = $"{republic.FormalName.ToUpperInvariant()} and {kingdom.FormalName}.",
        });
        Assert.Equal("Endorsements recorded as printed: 2.", recorded.QuerySelector("[role=status]")!.TextContent.Trim());
        var (_, again) = await organiser.SubmitAndFollowAsync(recorded, "#record-form", Names(kingdom.FormalName));
        Assert.Equal("Every organisation named is already recorded: nothing changed.", again.QuerySelector("[role=status]")!.TextContent.Trim());
        var endorsements = await app.EndorsementsAsync(statementId);
        Assert.Equal(2, endorsements.Count);
        Assert.All(endorsements, e =>
        {
            Assert.Equal(Source, e.RecordedFrom);
            Assert.Equal(organiserUser.Id, e.SignerUserId);
            // Noon of the day agreed on the summit's clock (Addis Ababa is UTC+3).
            Assert.Equal(new DateTime(2019, 12, 11, 9, 0, 0, DateTimeKind.Utc), e.SignedUtc);
        });
        Assert.Equal(["endorsement.recorded"], await app.AuditActionsAsync("Endorsement", endorsements[0].Id));

        // A name recorded in error is taken back while the record is open.
        var kingdomRow = endorsements.Single(e => e.OrganisationId == kingdom.Id);
        var (_, removed) = await organiser.SubmitAndFollowAsync(again, $"#remove-form-{kingdomRow.Id}", new Dictionary<string, string>());
        Assert.Equal($"{kingdom.FormalName} is no longer recorded as endorsing the statement.", removed.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal([republic.Id], (await app.EndorsementsAsync(statementId)).Select(e => e.OrganisationId).ToList());
        Assert.Equal(["endorsement.recorded", "endorsement.record-removed"], await app.AuditActionsAsync("Endorsement", kingdomRow.Id));
        await organiser.SubmitAndFollowAsync(removed, "#record-form", Names(kingdom.FormalName));

        // The record closed from the statement's page (final → closed, never open for signature); nothing more is recorded.
        var (_, closed) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Statements/Manage/Edit/{statementId}"), "#status-form",
            new Dictionary<string, string> { ["to"] = nameof(StatementStatus.Closed) });
        Assert.Equal("The record of its endorsements is closed: publish the communiqué.", closed.QuerySelector("[role=status]")!.TextContent.Trim());
        var signingOverview = await organiser.GetPageAsync("/Signing/Manage");
        Assert.Contains("its endorsements are recorded as printed, not signed here", signingOverview.QuerySelector($"#window-{statementId}")!.TextContent);
        Assert.Contains("The record of its endorsements was closed on ", signingOverview.QuerySelector($"#statement-{statementId}")!.TextContent);
        var shut = await organiser.GetPageAsync($"/Statements/Manage/Record/{statementId}");
        Assert.Null(shut.QuerySelector("#record-form"));
        Assert.NotNull(shut.QuerySelector("#no-record-now"));

        // Before publishing, the organiser sees where each was read; the organisation's signatory sees it on its signing page.
        var publish = await organiser.GetPageAsync($"/Communiques/Manage/{statementId}");
        Assert.Contains($"Recorded from the printed record ({Source})", publish.QuerySelector("#signatories")!.TextContent);
        var signatory = await app.SignatoryAsync(republic.Id);
        var signing = await signatory.Client.GetPageAsync(SigningData.SignUrl(statementId, republic.Id));
        Assert.StartsWith($"Endorsed: recorded by the secretariat from the printed record ({Source}), agreed on 11 December 2019, for the text with SHA-256 ",
            signing.QuerySelector("#live-endorsement")!.TextContent.Trim());
        Assert.Null(signing.QuerySelector("#sign-form"));
        Assert.Null(signing.QuerySelector("#withdraw-form"));

        var communique = await app.PublishedAsync(statementId);
        // Compared without spaces: the note wraps over lines, which the page's text joins without one.
        static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var pdfText = Squeezed(string.Concat(UglyToad.PdfPig.PdfDocument.Open(communique.Pdf!).GetPages().Select(p => p.Text)));
        Assert.Contains(Squeezed($"Recorded by the secretariat from the printed record ({Source})"), pdfText);
        Assert.Contains(Squeezed(republic.FormalName), pdfText);

        // The public list says it too, and the download carries where each was read.
        using var visitor = app.CreateFormClient();
        var agreed = await visitor.GetPageAsync($"/Statements/{statementId}/agreed-by");
        Assert.Equal(2, agreed.QuerySelectorAll("li.signatory").Length);
        Assert.Contains(Source, agreed.QuerySelector("#recorded-as-printed")!.TextContent);
        var csv = await visitor.Http.GetStringAsync($"/Communiques/Signatories/{statementId}/csv");
        Assert.Contains("RecordedFrom", csv.Split('\n')[0]);
        Assert.Contains(Source, csv);

        // The organiser who entered them did not sign them: their own data lists no endorsement.
        var data = await organiser.GetPageAsync("/Profile/Data");
        using (var json = System.Text.Json.JsonDocument.Parse(await organiser.Http.GetStringAsync(data.QuerySelector("#download-data")!.GetAttribute("href")!)))
            Assert.Empty(json.RootElement.GetProperty("Endorsements").EnumerateArray());

        // And the summit goes to the record.
        var (_, archived) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Summits/Manage/Edit/{summit.Id}"), ".status-form", new Dictionary<string, string>());
        Assert.Equal("The summit is now archived.", archived.QuerySelector("[role=status]")!.TextContent.Trim());
        var publicPage = await visitor.GetPageAsync($"/Summits/Details/{summit.Id}");
        Assert.Equal("This summit took place before it was kept here: its record was entered afterwards from the printed documents.",
            publicPage.QuerySelector("#registration-state")!.TextContent.Trim());
    }

    /// <summary>The form's bad input (the sweep of every form reaches only the first statements of its app): a clear
    /// message on the page, never a server error, nothing recorded.</summary>
    [Theory]
    [InlineData("Input.Names", "")]
    [InlineData("Input.Names", "x")]
    [InlineData("Input.AgreedOn", "2026-13-45")]
    [InlineData("Input.AgreedOn", "")]
    [InlineData("Input.Source", "")]
    [InlineData("Input.Source", "Communiqu\u001b[2Jé")]
    [InlineData("Input.Version", "not-a-guid")]
    [InlineData("Input.Version", "00000000-0000-0000-0000-000000000000")]
    public async Task Bad_input_to_the_record_form_is_refused_in_the_page(string field, string value)
    {
        var (organiser, organiserUser) = await app.LoggedInUserAsync(Roles.Organiser);
        var statementId = await app.FinalStatementAsync((await app.RecordedSummitAsync()).Id, organiserUser);
        var government = await app.OrganisationAsync(Sector.Government, $"Republic of Epsilon {Guid.NewGuid():N}"[..30]);
        var form = new Dictionary<string, string> { ["Input.Names"] = government.FormalName, ["Input.AgreedOn"] = "2019-12-11", ["Input.Source"] = Source };
        form[field] = value;
        // "x" stands for a list longer than the form takes, which an attribute cannot hold.
        if (field == "Input.Names" && value == "x") form[field] = new string('x', 70_000);

        var response = await organiser.SubmitAsync(await organiser.GetPageAsync($"/Statements/Manage/Record/{statementId}"), "#record-form", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        Assert.NotEmpty(page.QuerySelector(".validation-summary-errors")!.TextContent.Trim());
        Assert.Empty(await app.EndorsementsAsync(statementId));
    }

    /// <summary>A printed name may be an organisation's listed name; one that two organisations answer to is refused,
    /// for the formal name to be written, rather than guessed.</summary>
    [Fact]
    public async Task A_listed_name_is_recorded_and_a_name_two_organisations_share_is_refused()
    {
        var (organiser, organiserUser) = await app.LoggedInUserAsync(Roles.Organiser);
        var statementId = await app.FinalStatementAsync((await app.RecordedSummitAsync()).Id, organiserUser);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var emirates = await app.OrganisationAsync(Sector.Government, $"United Arab Emirates {tag}");
        var north = await app.OrganisationAsync(Sector.Government, $"Northern Republic {tag}");
        var south = await app.OrganisationAsync(Sector.Government, $"Southern Republic {tag}");
        await app.WithDbAsync(async db =>
        {
            (await db.Organisations.SingleAsync(o => o.Id == emirates.Id)).ListedName = $"UAE {tag}";
            foreach (var o in await db.Organisations.Where(o => o.Id == north.Id || o.Id == south.Id).ToListAsync()) o.SortName = $"Republic {tag}";
            await db.SaveChangesAsync();
        });
        var page = await organiser.GetPageAsync($"/Statements/Manage/Record/{statementId}");
        Dictionary<string, string> Form(string names) => new() { ["Input.Names"] = names, ["Input.AgreedOn"] = "2019-12-11", ["Input.Source"] = Source };

        var shared = await FormClient.ParseAsync(await organiser.SubmitAsync(page, "#record-form", Form($"UAE {tag}, Republic {tag}")));
        Assert.Contains($"More than one organisation is called Republic {tag}: write its formal name.", shared.Errors());
        Assert.Empty(await app.EndorsementsAsync(statementId));

        var (_, recorded) = await organiser.SubmitAndFollowAsync(page, "#record-form", Form($"UAE {tag}, {north.FormalName}"));
        Assert.Equal("Endorsements recorded as printed: 2.", recorded.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal(new[] { emirates.Id, north.Id }.Order(), (await app.EndorsementsAsync(statementId)).Select(e => e.OrganisationId).Order());
    }

    [Fact]
    public async Task A_statement_run_here_has_no_endorsements_recorded_as_printed()
    {
        var (organiser, organiserUser) = await app.LoggedInUserAsync(Roles.Organiser);
        var summit = await app.CreateOpenSummitAsync();
        var statementId = await app.FinalStatementAsync(summit.Id, organiserUser);
        var page = await organiser.GetPageAsync($"/Statements/Manage/Record/{statementId}");
        Assert.Null(page.QuerySelector("#record-form"));
        Assert.Equal("This statement is signed here: only a statement of a summit recorded afterwards has its endorsements recorded as printed.",
            page.QuerySelector("#no-record-now")!.TextContent.Trim());
        // A post made anyway is refused, and records nothing.
        var government = await app.OrganisationAsync(Sector.Government, $"Republic of Delta {Guid.NewGuid():N}"[..30]);
        using var scope = app.Services.CreateScope();
        var statement = await scope.ServiceProvider.GetRequiredService<Data.SummitDbContext>().Statements.AsNoTracking().SingleAsync(s => s.Id == statementId);
        var refused = await scope.ServiceProvider.GetRequiredService<PrintedRecordDesk>()
            .RecordAsync(statementId, government.FormalName, new DateOnly(2019, 12, 11), Source, statement.Version, new AuditActor(organiserUser.Id, organiserUser.FullName));
        Assert.False(refused.Succeeded);
        Assert.Empty(await app.EndorsementsAsync(statementId));
    }
}
