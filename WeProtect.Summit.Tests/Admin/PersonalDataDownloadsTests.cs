using WeProtect.Summit.Data.Accreditations;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Questions;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Tests.Admin;

/// <summary>Every file of delegates' personal data the secretariat downloads (delegates lists, needs, attendees, badges,
/// a letter of invitation with its passport number) is in the audit trail: who, what kind, how many people, never the
/// data. The administrators' audit page lists them on their own; the delegate's record and the delegate's own page say
/// when their letter was downloaded. A delegate's download of their own letter is not recorded.</summary>
public class PersonalDataDownloadsTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task Each_download_of_personal_data_by_the_secretariat_is_in_the_audit_trail_without_the_data()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (amina, registration) = await app.ApprovedDelegateAsync(summit.Id, "Amina Downloaded");
        await app.SetNeedsAsync(registration.Id, "Insulin kept cold", Need.Vegetarian);
        var breakout = await app.CreateBreakoutAsync(summit);
        Assert.True((await app.BookAsync(breakout.Id, amina)).Succeeded);
        using var delegateClient = await app.LogInAsync(amina);
        var number = await app.CompleteAccreditationAsync(delegateClient, registration.Id);
        await delegateClient.SubmitAndFollowAsync(await delegateClient.GetPageAsync(AccreditationSteps.AccreditationUrl(registration.Id)), "form#visa-letter-form");
        var letter = await app.WithDbAsync(db => db.VisaLetters.AsNoTracking().SingleAsync(v => v.RegistrationId == registration.Id));
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<VisaLetterDesk>().ApproveAsync(summit.Id, letter.Id, letter.Version, new AuditActor(null, "Organiser"))).Succeeded);
        await VisaLetterSteps.IssueAsync(app, letter.Id);
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<BadgeDesk>().PrintNewAsync(summit.Id, BadgeLayout.A6Single, null, new AuditActor(null, "Organiser"))).Succeeded);
        var batchId = await app.WithDbAsync(db => db.BadgeBatches.Where(b => b.SummitId == summit.Id).Select(b => b.Id).SingleAsync());

        // Her own download of her letter or her badge is hers: not recorded; her page says the secretariat has not downloaded it.
        Assert.Equal(HttpStatusCode.OK, (await delegateClient.GetAsync($"/Registration/VisaLetter/{letter.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await delegateClient.GetAsync($"/Registration/Badge/{registration.Id}")).StatusCode);
        Task<List<AuditEvent>> DownloadsAsync() => app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action.StartsWith(DownloadLog.ActionPrefix)).OrderBy(e => e.Sequence).ToListAsync());
        var before = (await DownloadsAsync()).Count;
        Assert.Equal("The secretariat has not downloaded it.",
            (await delegateClient.GetPageAsync(AccreditationSteps.AccreditationUrl(registration.Id))).QuerySelector("#visa-letter-downloads")!.TextContent.Trim());

        var (client, organiser) = await app.LoggedInUserAsync(Roles.Organiser);
        using var _ = client;
        var files = new (string Url, string Action)[]
        {
            ($"/Registration/Manage/Dashboard/{summit.Id}?handler=Csv", "download.delegates"),
            ($"/Registration/Manage/Dashboard/{summit.Id}?handler=Xlsx&status=Approved", "download.delegates"),
            ($"/Registration/Manage/Dashboard/{summit.Id}?handler=ParticipantsPdf", "download.participants"),
            ($"/Registration/Manage/Needs/{summit.Id}?handler=Csv", "download.needs"),
            ($"/Registration/Manage/Needs/{summit.Id}?handler=Xlsx", "download.needs"),
            ($"/Breakouts/Manage/Attendees/{breakout.Id}?handler=Csv", "download.attendees"),
            ($"/Breakouts/Manage/Attendees/{breakout.Id}?handler=Xlsx", "download.attendees"),
            ($"/Registration/Manage/Badges/{summit.Id}?handler=Pdf", "download.badges"),
            ($"/Registration/Manage/Badges/{summit.Id}?handler=Batch&batchId={batchId}", "download.badges"),
            ($"/Registration/Badge/{registration.Id}", "download.badges"),
            ($"/Registration/VisaLetter/{letter.Id}", "download.visa-letter"),
        };
        foreach (var (url, _) in files) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        var recorded = (await DownloadsAsync()).Skip(before).ToList();
        Assert.Equal(files.Select(f => f.Action), recorded.Select(e => e.Action));
        Assert.All(recorded, e => Assert.Equal(organiser.Id, e.ActorUserId));
        Assert.All(recorded, e => Assert.DoesNotContain("Amina", e.Summary));
        Assert.All(recorded, e => Assert.DoesNotContain("Insulin", e.Summary));
        Assert.All(recorded, e => Assert.DoesNotContain(number, e.Summary));
        Assert.Equal($"Delegates of summit {summit.Id} (Approved) downloaded as xlsx (1 registration)", recorded[1].Summary);
        Assert.Equal($"Needs of summit {summit.Id} downloaded as CSV (1 person)", recorded[3].Summary);
        var visa = recorded[^1];
        Assert.Equal((nameof(Registration), registration.Id.ToString()), (visa.SubjectType, visa.SubjectId));

        // The delegate's page and her record say when her letter was downloaded.
        var mine = await delegateClient.GetPageAsync(AccreditationSteps.AccreditationUrl(registration.Id));
        Assert.StartsWith("Downloaded by the secretariat: ", mine.QuerySelector("#visa-letter-downloads")!.TextContent.Trim());
        var record = await client.GetPageAsync($"/Registration/Manage/Delegate/{summit.Id}/{registration.Id}");
        Assert.NotNull(record.QuerySelector("#delegate-history tr[data-action='download.visa-letter']"));

        // The audit page lists the downloads on their own.
        using var admin = await app.LoggedInClientAsync(Roles.Admin);
        var all = await admin.GetPageAsync("/Admin/Audit");
        Assert.Equal("/Admin/Audit?downloads=true", all.QuerySelector("#audit-downloads")!.GetAttribute("href"));
        var only = await admin.GetPageAsync("/Admin/Audit?downloads=true");
        var actions = only.QuerySelectorAll("table tbody td code").Select(c => c.TextContent).ToList();
        Assert.True(actions.Count >= files.Length);
        Assert.All(actions, a => Assert.StartsWith(DownloadLog.ActionPrefix, a));
        Assert.Equal("page", only.QuerySelector("#audit-downloads")!.GetAttribute("aria-current"));
    }
}
