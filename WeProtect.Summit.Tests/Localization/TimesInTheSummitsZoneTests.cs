using WeProtect.Summit.Data.Retention;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Tests.Statements;

namespace WeProtect.Summit.Tests.Localization;

/// <summary>An organiser reads a time on the summit's clock, with its zone named: the sample summit is in Asia/Dubai
/// (UTC+4), so 21:30 UTC on 10 March is 01:30 on 11 March there. A page that belongs to no summit (an account's
/// erasure, an organisation's signing authority) says its times are UTC.</summary>
public class TimesInTheSummitsZoneTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static readonly DateTime Instant = new(2026, 3, 10, 21, 30, 0, DateTimeKind.Utc);
    private const string InDubai = "11 March 2026, 01:30";
    private const string InUtc = "10 March 2026, 21:30";

    [Fact]
    public async Task The_amendments_page_says_when_an_amendment_was_proposed_on_the_summits_clock()
    {
        var (summitId, id) = await app.StatementAsync();
        var (member, _) = await app.DelegateAsync(summitId);
        await member.SubmitAndFollowAsync(await member.GetPageAsync($"/Statements/{id}/consult"), "#amendment-form", new Dictionary<string, string>
        {
            ["Proposal.Anchor"] = "government-1.b", ["Proposal.Wording"] = "Share what works.",
        });
        var amendment = await app.WithDbAsync(db => db.Amendments.Where(a => a.StatementId == id).Select(a => a.Id).SingleAsync());
        await app.WithDbAsync(db => db.Amendments.Where(a => a.Id == amendment).ExecuteUpdateAsync(s => s.SetProperty(a => a.CreatedUtc, Instant)));
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var proposed = (await organiser.GetPageAsync($"/Statements/Manage/Amendments/{id}")).QuerySelector($"#amendment-{amendment} .amendment-proposed")!.TextContent;

        Assert.Equal($"{InDubai} (Asia/Dubai)", proposed);
    }

    [Fact]
    public async Task The_versions_table_and_the_compare_page_say_when_a_version_was_saved_on_the_summits_clock()
    {
        var (_, id) = await app.StatementAsync(StatementStatus.Draft);
        await app.AddVersionAsync(id, StatementExample.Canonical.Replace("protects", "shields", StringComparison.Ordinal), "Second thoughts");
        await app.WithDbAsync(db => db.StatementVersions.Where(v => v.StatementId == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.CreatedUtc, Instant)));
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var edit = await organiser.GetPageAsync($"/Statements/Manage/Edit/{id}");
        Assert.Equal("Saved (Asia/Dubai)", edit.QuerySelectorAll("#versions thead th")[3].TextContent);
        Assert.Equal(InDubai, edit.QuerySelector("#version-1 .version-saved")!.TextContent);

        var compare = (await organiser.GetPageAsync($"/Statements/Manage/Compare/{id}")).QuerySelector("#note-from")!.TextContent;
        Assert.Contains($"{InDubai} (Asia/Dubai)", compare);
        Assert.DoesNotContain("UTC", compare);
    }

    [Fact]
    public async Task The_communique_page_says_when_it_was_signed_queued_and_published_on_the_summits_clock()
    {
        var closed = await app.ClosedStatementAsync();
        await app.WithDbAsync(db => db.Endorsements.Where(e => e.StatementId == closed.StatementId).ExecuteUpdateAsync(s => s.SetProperty(e => e.SignedUtc, Instant)));
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var form = await organiser.GetPageAsync($"/Communiques/Manage/{closed.StatementId}");
        Assert.Contains(form.QuerySelectorAll("main th"), th => th.TextContent == "Signed (Asia/Dubai)");
        Assert.All(form.QuerySelectorAll("td.signed-at"), td => Assert.Equal(InDubai, td.TextContent));
        Assert.NotEmpty(form.QuerySelectorAll("td.signed-at"));

        await app.PublishedAsync(closed.StatementId);
        await app.WithDbAsync(db => db.Communiques.Where(c => c.StatementId == closed.StatementId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.QueuedUtc, Instant).SetProperty(c => c.PublishedUtc, Instant.AddSeconds(42))));
        var status = await organiser.GetPageAsync($"/Communiques/Manage/{closed.StatementId}");
        Assert.Equal($"{InDubai}:00", status.QuerySelector("#queued")!.TextContent);
        Assert.Equal($"{InDubai}:42", status.QuerySelector("#published")!.TextContent);
        var terms = status.QuerySelectorAll("#communique-status dt").Select(dt => dt.TextContent).ToList();
        Assert.Contains("Queued (Asia/Dubai)", terms);
        Assert.Contains("Published (Asia/Dubai)", terms);
        Assert.DoesNotContain("UTC", status.QuerySelector("#communique-status")!.TextContent);
    }

    [Fact]
    public async Task The_erasure_page_says_its_times_are_UTC_for_an_account_belongs_to_no_one_summit()
    {
        var leaving = await app.CreateUserAsync();
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<ErasureDesk>().RequestAsync(leaving.Id)).Succeeded);
        var request = await app.WithDbAsync(db => db.ErasureRequests.Where(r => r.UserId == leaving.Id).Select(r => r.Id).SingleAsync());
        await app.WithDbAsync(db => db.ErasureRequests.Where(r => r.Id == request)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CarriedOutUtc, (DateTime?)Instant)));
        using var admin = await app.LoggedInClientAsync(Roles.Admin);

        var page = await admin.GetPageAsync("/Admin/Erasure");

        Assert.Equal("Carried out (UTC)", page.QuerySelectorAll("main table thead th")[2].TextContent);
        Assert.Equal("10 Mar 2026, 21:30", page.QuerySelector($"tr[data-request-id='{request}'] td.carried-out")!.TextContent);
    }

    /// <summary>A signing authority is an organisation's, not a summit's: its grant and revocation say UTC.</summary>
    [Fact]
    public async Task The_signing_authorities_say_their_times_are_UTC_for_an_organisation_belongs_to_no_one_summit()
    {
        var (signatoryClient, signatory) = await app.SignatoryAsync();
        signatoryClient.Dispose();
        var id = await app.WithDbAsync(db => db.SigningAuthorities.Where(a => a.UserId == signatory.Id).Select(a => a.Id).SingleAsync());
        await app.WithDbAsync(db => db.SigningAuthorities.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.GrantedUtc, Instant)));
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var row = (await organiser.GetPageAsync("/Signing/Manage")).QuerySelector($"#authority-{id}")!.TextContent;

        Assert.Contains($"granted {InUtc} UTC", row);
    }
}
