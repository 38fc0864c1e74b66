using System.Text.RegularExpressions;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Localization;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also a namespace of the tests

/// <summary>Arabic pages write their own comma between a date and a time ("4 ديسمبر 2026، 14:16"), public communiqué
/// pages say their times on the summit's clock with its zone named (Verify keeps UTC alongside, for an auditor who
/// compares it with the PDF), and counts take Arabic's own forms ("بقيت 3 مقاعد", not "1 seat left" built by hand).</summary>
public class ArabicPunctuationZonesAndCountsTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static readonly DateTime Instant = new(2026, 3, 10, 21, 30, 0, DateTimeKind.Utc); // 01:30 on 11 March in Dubai

    [Fact]
    public async Task A_date_and_time_on_an_Arabic_page_are_joined_with_the_Arabic_comma()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var client = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "ar");

        var text = (await client.GetPageAsync($"/Summits/Details/{summit.Id}")).QuerySelector("main")!.TextContent;

        Assert.Matches(@"\d{4}، \d{2}:\d{2}", text);
        Assert.DoesNotMatch(@"\d{4}, \d{2}:\d{2}", text);
    }

    [Fact]
    public async Task The_public_communique_pages_say_when_it_was_published_on_the_summits_clock_and_Verify_keeps_UTC()
    {
        var closed = await app.ClosedStatementAsync();
        var communique = await app.PublishedAsync(closed.StatementId);
        await app.WithDbAsync(db => db.Communiques.Where(c => c.Id == communique.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.PublishedUtc, Instant)));
        using var visitor = app.CreateFormClient();

        var index = await visitor.GetPageAsync("/Communiques");
        Assert.DoesNotContain("UTC", index.QuerySelector("main thead")!.TextContent);
        Assert.Contains(index.QuerySelectorAll("td.published-at"), td => td.TextContent == "11 March 2026, 01:30 (Asia/Dubai)");

        var details = await visitor.GetPageAsync($"/Communiques/{communique.Id}");
        Assert.EndsWith("published 11 March 2026, 01:30 (Asia/Dubai)", details.QuerySelector("#published-at")!.TextContent);

        var pdf = await app.WithDbAsync(db => db.Communiques.Where(c => c.Id == communique.Id).Select(c => c.Pdf).SingleAsync());
        var (response, verified) = await visitor.VerifyAsync(pdf!);
        Assert.True(response.StatusCode == HttpStatusCode.OK, verified.Body?.TextContent);
        Assert.Contains("published 11 March 2026, 01:30 (Asia/Dubai; 10 March 2026, 21:30 UTC)", Regex.Replace(verified.QuerySelector("#published-here")!.TextContent, @"\s+", " "));
        // The same words for dates as the rest of the site, in the reader's language, not "2026-03-11 01:30" in every one.
        var (_, french) = await LocalizedAppFactory.Speaking(visitor, "fr").VerifyAsync(pdf!);
        Assert.Contains("11 mars 2026, 01:30 (Asia/Dubai ; 10 mars 2026, 21:30 UTC)", Regex.Replace(french.QuerySelector("#published-here")!.TextContent, @"\s+", " "));
    }

    [Fact]
    public async Task The_consultation_names_the_zone_of_a_comments_time()
    {
        var (summitId, id) = await app.StatementAsync();
        var (member, _) = await app.DelegateAsync(summitId);
        await member.SubmitAndFollowAsync(await member.GetPageAsync($"/Statements/{id}/consult"), "#amendment-form", new Dictionary<string, string>
        {
            ["Proposal.Anchor"] = "government-1.b", ["Proposal.Wording"] = "Share what works.",
        });
        await app.WithDbAsync(db => db.Amendments.Where(a => a.StatementId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.CreatedUtc, Instant)));

        var page = await member.GetPageAsync($"/Statements/{id}/consult");

        Assert.Contains("11 Mar 2026, 01:30 (Asia/Dubai)", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Seats_left_and_the_agenda_count_take_the_Arabic_forms()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, capacity: 3);
        using var client = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "ar");

        Assert.Equal("بقيت 3 مقاعد", (await client.GetPageAsync($"/Breakouts/Session/{breakout.Id}")).QuerySelector("#session-seats")!.TextContent.Trim());
        Assert.Equal("1 جلسة.", (await client.GetPageAsync($"/Breakouts/Agenda/{summit.Id}")).QuerySelector("#agenda-count")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_revoke_page_counts_the_nominations_it_withdraws_in_the_Arabic_form()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (invitation, focal) = await app.AcceptedInvitationAsync(summit.Id, heads: 1, delegates: 3);
        for (var i = 0; i < 3; i++) Assert.True((await app.NominateAsync(invitation, focal, $"pending-{Guid.NewGuid():N}@example.org")).Succeeded);
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "ar");
        var manage = await organiser.GetPageAsync($"/Invitations/Manage/{summit.Id}");
        var href = manage.QuerySelector($"tr[data-invitation-id='{invitation.Id}'] a.revoke-link")!.GetAttribute("href")!;

        var confirm = await organiser.GetPageAsync(href);

        Assert.StartsWith("ستُسحب 3 ترشيحات لم تُعتمد بعد", confirm.QuerySelector("#revoke-withdrawn")!.TextContent.Trim());
        Assert.StartsWith("يحتفظ 0 من المندوبين المعتمدين", confirm.QuerySelector("#revoke-kept")!.TextContent.Trim());
        Assert.DoesNotContain("(", confirm.QuerySelector("#revoke-withdrawn")!.TextContent);
    }

    [Fact]
    public async Task A_proposed_organisations_sector_and_country_take_the_Arabic_comma_and_semicolon()
    {
        var summit = await app.CreateOpenSummitAsync();
        var user = await app.CreateUserAsync(fullName: "Rania Proposer");
        var registration = new Data.Registrations.Registration
        {
            SummitId = summit.Id, UserId = user.Id, FullName = "Rania Proposer", Position = "Adviser", Category = DelegateCategory.Delegate,
            ProposedOrganisationName = "Ministry of Digital Economy", ProposedSector = Sector.Government, ProposedCountryCode = "JO",
        };
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<RegistrationDesk>().RegisterAsync(registration, new AuditActor(user.Id, "Rania Proposer"))).Succeeded);
        using var client = LocalizedAppFactory.Speaking(await app.LogInAsync(user), "ar");

        var text = (await client.GetPageAsync($"/Registration/Details/{registration.Id}")).QuerySelector("main")!.TextContent;

        Assert.Contains("(حكومة، الأردن؛ ليست في الدليل بعد", text);
    }

    [Fact]
    public async Task The_statement_page_says_when_its_final_version_was_saved_on_the_summits_clock()
    {
        var closed = await app.ClosedStatementAsync();
        await app.WithDbAsync(db => db.StatementVersions.Where(v => v.StatementId == closed.StatementId).ExecuteUpdateAsync(s => s.SetProperty(v => v.CreatedUtc, Instant)));
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var line = (await organiser.GetPageAsync($"/Statements/Manage/Edit/{closed.StatementId}")).QuerySelector("#final-version")!.TextContent;

        Assert.EndsWith("saved on 11 March 2026, 01:30 (Asia/Dubai).", line);
    }
}
