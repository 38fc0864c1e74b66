using WeProtect.Summit.Data.Audit;

namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>Printing badges in batches through HTTP: "print all not yet printed", the A4 layouts, and reprints with a
/// reason kept in the print log.</summary>
public class BadgePrintingTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private async Task<(Data.Summits.Summit Summit, List<Registration> Approved)> SummitWithAsync(int approved)
    {
        var summit = await app.CreateOpenSummitAsync();
        var list = new List<Registration>();
        for (var i = 0; i < approved; i++) list.Add((await app.ApprovedDelegateAsync(summit.Id, $"Delegate {Token()}")).Registration);
        return (summit, list);
    }

    /// <summary>One word unique to a delegate: badges side by side share lines, so a test looks for single words.</summary>
    private static string Token() => "Q" + Guid.NewGuid().ToString("N")[..8];

    private static string TokenOf(Registration r) => r.FullName.Split(' ')[^1];

    private static async Task<byte[]> PdfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Print_all_not_yet_printed_makes_a_batch_and_the_next_batch_holds_only_the_new_badges()
    {
        var (summit, approved) = await SummitWithAsync(5);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await organiser.GetPageAsync($"/Registration/Manage/Badges/{summit.Id}?layout=A4Four");
        Assert.Equal("5 badges not yet printed", page.QuerySelector("#badge-not-printed")?.TextContent.Trim());
        var response = await organiser.FollowAsync(await organiser.SubmitAsync(page, "form#print-new"));
        var pdf = await PdfAsync(response);
        Assert.StartsWith($"badges-summit-{summit.Id}-batch-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        // Five badges, four to an A4 sheet: two sheets of 210 × 297 mm.
        var sizes = BadgePdfReader.PageSizes(pdf);
        Assert.Equal(2, sizes.Count);
        Assert.All(sizes, s => { Assert.Equal(595.3, s.Width, 0.5); Assert.Equal(841.9, s.Height, 0.5); });
        var texts = BadgePdfReader.PageTexts(pdf);
        Assert.Equal(4, approved.Count(r => texts[0].Contains(TokenOf(r))));
        Assert.Equal(1, approved.Count(r => texts[1].Contains(TokenOf(r))));

        page = await organiser.GetPageAsync($"/Registration/Manage/Badges/{summit.Id}");
        Assert.Equal("0 badges not yet printed", page.QuerySelector("#badge-not-printed")?.TextContent.Trim());
        Assert.All(page.QuerySelectorAll("#badge-table td.printed"), td => Assert.NotEqual("not yet", td.TextContent.Trim()));
        Assert.True(page.QuerySelector("form#print-new button")?.HasAttribute("disabled"));

        // One more approval: the next batch holds only that badge, eight to a landscape A4 sheet.
        var (_, late) = await app.ApprovedDelegateAsync(summit.Id, "Late Arrival");
        page = await organiser.GetPageAsync($"/Registration/Manage/Badges/{summit.Id}?layout=A4Eight");
        Assert.Equal("1 badge not yet printed", page.QuerySelector("#badge-not-printed")?.TextContent.Trim());
        pdf = await PdfAsync(await organiser.FollowAsync(await organiser.SubmitAsync(page, "form#print-new")));
        var sheet = Assert.Single(BadgePdfReader.PageSizes(pdf));
        Assert.Equal(841.9, sheet.Width, 0.5);
        Assert.Equal(595.3, sheet.Height, 0.5);
        var text = Assert.Single(BadgePdfReader.PageTexts(pdf));
        Assert.Contains("Late Arrival", text);
        Assert.DoesNotContain(approved, r => text.Contains(TokenOf(r)));

        var batches = await app.WithDbAsync(db => db.BadgeBatches.Where(b => b.SummitId == summit.Id).Include(b => b.Prints).OrderBy(b => b.Id).ToListAsync());
        Assert.Equal(new[] { 5, 1 }, batches.Select(b => b.Prints.Count));
        Assert.Equal(new[] { BadgeLayout.A4Four, BadgeLayout.A4Eight }, batches.Select(b => b.Layout));
        Assert.Equal(late.Id, Assert.Single(batches[1].Prints).RegistrationId);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "badges.printed"
            && batches.Select(b => b.Id.ToString()).Contains(e.SubjectId))));

        // Nothing left: the desk says so rather than printing an empty batch.
        var refused = await organiser.Http.PostAsync($"/Registration/Manage/Badges/{summit.Id}?handler=PrintNew",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = page.QuerySelector("form#print-new input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
                ["layout"] = "A6Single",
            }));
        var after = await FormClient.ParseAsync(await organiser.FollowAsync(refused));
        Assert.Contains("Every approved badge has been printed already.", after.QuerySelector("#status[role=alert]")?.TextContent);
        Assert.Equal(2, await app.WithDbAsync(db => db.BadgeBatches.CountAsync(b => b.SummitId == summit.Id)));
    }

    /// <summary>Prints every approved badge not yet printed, as the secretariat's button does.</summary>
    private async Task PrintAllAsync(int summitId)
    {
        using var scope = app.Services.CreateScope();
        var printed = await scope.ServiceProvider.GetRequiredService<BadgeDesk>().PrintNewAsync(summitId, BadgeLayout.A6Single, null, new AuditActor(null, "Organiser"));
        Assert.True(printed.Succeeded, printed.Message);
    }

    [Fact]
    public async Task A_reprint_needs_a_reason_and_the_log_keeps_it()
    {
        var (summit, approved) = await SummitWithAsync(1);
        var lost = approved[0];
        await PrintAllAsync(summit.Id);
        // Approved since: not yet printed.
        approved.Add((await app.ApprovedDelegateAsync(summit.Id, $"Delegate {Token()}")).Registration);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await organiser.GetPageAsync($"/Registration/Manage/Badges/{summit.Id}");
        var form = $"tr[data-id='{lost.Id}'] form.reprint";
        var noReason = await FormClient.ParseAsync(await organiser.FollowAsync(await organiser.SubmitAsync(page, form, new Dictionary<string, string> { ["reason"] = "  " })));
        Assert.Contains("Say why the badge is printed again.", noReason.QuerySelector("#status[role=alert]")?.TextContent);
        Assert.Equal(1, await app.WithDbAsync(db => db.BadgeBatches.CountAsync(b => b.SummitId == summit.Id)));

        var pdf = await PdfAsync(await organiser.FollowAsync(await organiser.SubmitAsync(page, form,
            new Dictionary<string, string> { ["reason"] = "Lost at the gala dinner" })));
        Assert.Contains(lost.FullName, Assert.Single(BadgePdfReader.PageTexts(pdf)));

        page = await organiser.GetPageAsync($"/Registration/Manage/Badges/{summit.Id}");
        var row = page.QuerySelector("#batch-table tbody tr") ?? throw new Xunit.Sdk.XunitException("No print log row");
        Assert.Equal("Lost at the gala dinner", row.QuerySelector("td.reason")?.TextContent.Trim());
        Assert.Contains(lost.FullName, row.TextContent);
        // A reprint is not "printed" for the batch of new badges: the other delegate is still to print, this one is not.
        Assert.Equal("1 badge not yet printed", page.QuerySelector("#badge-not-printed")?.TextContent.Trim());

        var batchId = await app.WithDbAsync(db => db.BadgeBatches.Where(b => b.SummitId == summit.Id && b.Reason != null).Select(b => b.Id).SingleAsync());
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == "badge.reprinted" && e.SubjectId == batchId.ToString()));
        Assert.DoesNotContain(lost.FullName, audit.Summary);
        // The log's link gives the batch again; another summit's batch id is not found.
        var link = row.QuerySelector("a")?.GetAttribute("href")!;
        Assert.Contains(lost.FullName, Assert.Single(BadgePdfReader.PageTexts(await PdfAsync(await organiser.GetAsync(link)))));
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync($"/Registration/Manage/Badges/{summit.Id + 1000}?handler=Batch&batchId={batchId}")).StatusCode);
    }

    [Fact]
    public async Task Only_a_badge_printed_before_offers_a_reprint_and_print_all_says_why_it_is_disabled()
    {
        var (summit, approved) = await SummitWithAsync(2);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        // Nothing printed yet: no row offers a reprint, and "print all" is there to press.
        var page = await organiser.GetPageAsync($"/Registration/Manage/Badges/{summit.Id}");
        foreach (var r in approved)
        {
            Assert.Null(page.QuerySelector($"tr[data-id='{r.Id}'] form.reprint"));
            Assert.Equal("— Never printed: nothing to reprint.", page.QuerySelector($"tr[data-id='{r.Id}'] .no-reprint")?.TextContent.Trim());
        }
        Assert.False(page.QuerySelector("form#print-new button")?.HasAttribute("disabled"));
        Assert.Null(page.QuerySelector("#print-new-reason"));

        // A reprint posted anyway (a stale page, a crafted form) is refused with the way to print it.
        var token = page.QuerySelector("form#print-new input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await organiser.Http.PostAsync($"/Registration/Manage/Badges/{summit.Id}?handler=Reprint",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["registrationId"] = approved[0].Id.ToString(), ["reason"] = "Lost", ["layout"] = "A6Single",
            }));
        var after = await FormClient.ParseAsync(await organiser.FollowAsync(refused));
        Assert.Contains($"The badge of {approved[0].FullName} has never been printed, so there is nothing to reprint: print it with “Print all not yet printed”.",
            after.QuerySelector("#status[role=alert]")?.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.BadgeBatches.CountAsync(b => b.SummitId == summit.Id)));

        // Once printed, each row offers its reprint, and "print all" is disabled with the reason beside it.
        await organiser.FollowAsync(await organiser.SubmitAsync(page, "form#print-new"));
        page = await organiser.GetPageAsync($"/Registration/Manage/Badges/{summit.Id}");
        Assert.All(approved, r => Assert.NotNull(page.QuerySelector($"tr[data-id='{r.Id}'] form.reprint")));
        Assert.Empty(page.QuerySelectorAll(".no-reprint"));
        var button = page.QuerySelector("form#print-new button")!;
        Assert.True(button.HasAttribute("disabled"));
        Assert.Equal("print-new-reason", button.GetAttribute("aria-describedby"));
        Assert.Equal("Every approved delegate's badge is printed.", page.QuerySelector("#print-new-reason")?.TextContent.Trim());
        var category = approved[0].Category;
        page = await organiser.GetPageAsync($"/Registration/Manage/Badges/{summit.Id}?category={category}");
        Assert.Equal($"Every approved badge in the category “{category.DisplayName()}” is printed.", page.QuerySelector("#print-new-reason")?.TextContent.Trim());
    }

    [Fact]
    public async Task Only_an_approved_registration_can_be_reprinted()
    {
        var summit = await app.CreateOpenSummitAsync();
        var pending = await app.RegisterAsync(await app.CreateUserAsync(), summit.Id, (await app.CreateOrganisationAsync()).Id);
        using var scope = app.Services.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<BadgeDesk>();
        var result = await desk.ReprintAsync(summit.Id, pending.Id, "Lost", BadgeLayout.A6Single, new AuditActor(null, "Desk"));
        Assert.False(result.Succeeded);
        Assert.Equal("Only an approved registration has a badge.", result.Message);
        Assert.Equal(Data.Desks.DeskAnswer.NotFound, (await desk.ReprintAsync(summit.Id + 1000, pending.Id, "Lost", BadgeLayout.A6Single, AuditActor.System)).Answer);
    }

    [Fact]
    public async Task A_delegate_cannot_print_badges()
    {
        var (summit, _) = await SummitWithAsync(1);
        using var user = await app.LoggedInClientAsync();
        var response = await user.Http.PostAsync($"/Registration/Manage/Badges/{summit.Id}?handler=PrintNew",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["layout"] = "A6Single" }));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.BadgeBatches.CountAsync(b => b.SummitId == summit.Id)));
    }
}
