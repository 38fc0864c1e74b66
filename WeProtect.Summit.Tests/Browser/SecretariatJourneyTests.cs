using System.Globalization;
using Microsoft.Playwright;
using WeProtect.Summit.Data.Audit;

namespace WeProtect.Summit.Tests.Browser;

using WeProtect.Summit.Data.Registrations;

/// <summary>The secretariat's batch work in a real browser, end to end: the vetting queue filtered to one delegation,
/// every matching registration selected and approved at once, a message to the approved (its recipient count following the filters as they change), their badges printed as "all
/// not yet printed" (a delegate whose badge was printed before is not printed again), and one of them checked in by
/// name and the check-in undone; then her misspelt name corrected from her record and her badge reprinted. (CheckInByNameJourneyTests covers the desk's search itself; this is the chain.)</summary>
[Collection(BrowserCollection.Name)]
public class SecretariatJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Filter_select_all_approve_message_print_the_new_badges_check_in_by_name_with_undo_and_correct_a_name()
    {
        var app = browser.App;
        var summit = await app.CreateOpenSummitAsync(name: "Nairobi Summit " + Guid.NewGuid().ToString("N")[..6]);
        var delegation = await app.CreateOrganisationAsync("Republic of Kenya " + Guid.NewGuid().ToString("N")[..4], country: "KE");
        var other = await app.CreateOrganisationAsync("Other Delegation " + Guid.NewGuid().ToString("N")[..4], country: "GH");
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var kenyan = new List<Registration>();
        foreach (var name in new[] { "Wanjiru", "Otieno", "Achieng", "Kamau", "Njeri" })
            kenyan.Add(await app.RegisterAsync(await app.CreateUserAsync(fullName: $"{name} Kenya{suffix}"), summit.Id, delegation.Id));
        var otherPending = await app.RegisterAsync(await app.CreateUserAsync(fullName: "Kofi Other"), summit.Id, other.Id);
        // Approved and badged earlier: "print all not yet printed" must leave this one out.
        var (_, earlier) = await app.ApprovedDelegateAsync(summit.Id, "Earlier Approved");
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<BadgeDesk>().PrintNewAsync(summit.Id, BadgeLayout.A6Single, null, new AuditActor(null, "Organiser"))).Succeeded);
        var organiser = await app.CreateUserAsync(fullName: "Secretariat Organiser", roles: Roles.Organiser);

        var page = await browser.NewPageAsync(new BrowserNewContextOptions { AcceptDownloads = true });
        await BrowserFixture.LogInAsync(page, organiser.Email!);

        // 1. The queue, filtered (htmx, no reload) to the pending registrations of one delegation.
        await page.GotoAsync($"/Registration/Manage/Index/{summit.Id}");
        await page.Locator("#queue-status").SelectOptionAsync("Pending");
        await page.Locator("#queue-organisation").SelectOptionAsync(delegation.Id.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#queue-count [data-match-count]")).ToHaveAttributeAsync("data-match-count", "5");
        await Assertions.Expect(page.Locator("#queue-table tbody tr")).ToHaveCountAsync(5);
        await browser.ScreenshotAsync(page, "1-filtered");

        // 2. Select all matching, approve.
        await page.Locator("#bulk-all").CheckAsync();
        await page.Locator("#bulk-decision").SelectOptionAsync(nameof(RegistrationStatus.Approved));
        await page.Locator("#bulk-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#decision-summary")).ToContainTextAsync("5 registrations approved");
        await browser.ScreenshotAsync(page, "2-approved");
        var ids = kenyan.Select(r => r.Id).ToList();
        Assert.Equal(5, await app.WithDbAsync(db => db.Registrations.CountAsync(r => ids.Contains(r.Id) && r.Status == RegistrationStatus.Approved)));
        Assert.Equal(RegistrationStatus.Pending, await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == otherPending.Id).Select(r => r.Status).SingleAsync()));

        // 3. A message to the approved of that delegation: preview, then send.
        await page.GotoAsync($"/Registration/Manage/Messages/{summit.Id}?status=Approved&organisation={delegation.Id}");
        await Assertions.Expect(page.Locator("#recipient-count")).ToContainTextAsync("5 delegates match");
        // The count follows the filters as they change (htmx), before anything is sent: none of them is still pending.
        await page.Locator("#to-status").SelectOptionAsync(nameof(RegistrationStatus.Pending));
        await Assertions.Expect(page.Locator("#recipient-count")).ToContainTextAsync("0 delegates match");
        await page.Locator("#to-status").SelectOptionAsync(nameof(RegistrationStatus.Approved));
        await Assertions.Expect(page.Locator("#recipient-count")).ToContainTextAsync("5 delegates match");
        await page.Locator("#message-subject").FillAsync("Welcome to {SummitName}");
        await page.Locator("#message-body").FillAsync("Dear {FullName},\nyour registration is approved. Your badge: {BadgeLink}");
        // The same message in French, for whoever reads French (nobody here yet: the preview says so).
        await page.Locator("#message-versions > summary").ClickAsync();
        await page.Locator("#version-subject-fr").FillAsync("Bienvenue à {SummitName}");
        await page.Locator("#version-body-fr").FillAsync("Bonjour {FullName},\nvotre inscription est approuvée.");
        await page.Locator("#preview-button").ClickAsync();
        await Assertions.Expect(page.Locator("#preview-body")).ToContainTextAsync("your registration is approved");
        await Assertions.Expect(page.Locator("#preview-fr h2")).ToContainTextAsync("no matching delegate reads Français");
        await Assertions.Expect(page.Locator("#preview-fr .preview-body")).ToContainTextAsync("votre inscription est approuvée");
        await browser.ScreenshotAsync(page, "3-preview");
        await page.Locator("#send-button").ClickAsync();
        await BrowserFixture.WaitForAddressAsync(page, $"/Registration/Manage/Message/{summit.Id}/");
        await Assertions.Expect(page.Locator("#message-facts")).ToContainTextAsync("to 5 delegates");
        await Assertions.Expect(page.Locator("#message-recipients tbody tr")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator(".message-version[data-language='fr'] .version-subject")).ToHaveTextAsync("Bienvenue à {SummitName}");
        await browser.ScreenshotAsync(page, "4-sent");

        // 4. Badges: all not yet printed = the five new ones (the earlier badge was printed already).
        await page.GotoAsync($"/Registration/Manage/Badges/{summit.Id}");
        await Assertions.Expect(page.Locator("#badge-not-printed")).ToHaveTextAsync("5 badges not yet printed");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#print-new button").ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var batch = await app.WithDbAsync(db => db.BadgePrints.AsNoTracking().Where(p => ids.Contains(p.RegistrationId)).Select(p => p.RegistrationId).ToListAsync());
        Assert.Equal(ids.Order(), batch.Order());
        Assert.Equal(1, await app.WithDbAsync(db => db.BadgePrints.CountAsync(p => p.RegistrationId == earlier.Id)));
        await page.GotoAsync($"/Registration/Manage/Badges/{summit.Id}");
        await Assertions.Expect(page.Locator("#badge-not-printed")).ToHaveTextAsync("0 badges not yet printed");
        await Assertions.Expect(page.Locator("#batch-table tbody tr")).ToHaveCountAsync(2);
        await browser.ScreenshotAsync(page, "5-printed");

        // 5. One of them arrives without the badge: found by name, checked in, undone.
        var arriving = kenyan[2];
        await page.GotoAsync($"/Registration/Manage/CheckIn/{summit.Id}");
        await page.Locator("#checkin-name-query").FillAsync($"achieng kenya{suffix}");
        var match = page.Locator($"#checkin-matches li[data-id='{arriving.Id}']");
        await Assertions.Expect(match).ToContainTextAsync($"Achieng Kenya{suffix}");
        await match.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator("#checkin-heading")).ToHaveTextAsync("Checked in");
        await browser.ScreenshotAsync(page, "6-checked-in");
        await page.Locator("#checkin-undo button").ClickAsync();
        await Assertions.Expect(page.Locator("#checkin-undo-message")).ToHaveTextAsync($"Check-in of Achieng Kenya{suffix} undone.");
        await browser.ScreenshotAsync(page, "7-undone");
        Assert.Null(await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == arriving.Id).Select(r => r.CheckedInUtc).SingleAsync()));

        // 6. Her name is misspelt on the printed badge: corrected from her record (reached from the badges page), the
        // badge flagged, reprinted with the reason filled in.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await page.GotoAsync($"/Registration/Manage/Badges/{summit.Id}");
        await page.Locator($"#badge-table tr[data-id='{arriving.Id}']").GetByRole(AriaRole.Link, new() { Name = $"Achieng Kenya{suffix}", Exact = true }).ClickAsync();
        await page.Locator("#correct-details").ClickAsync();
        await Assertions.Expect(page.Locator("#correct-badge-printed")).ToBeVisibleAsync();
        await page.Locator("#Input_FullName").FillAsync($"Achieng Kenyatta{suffix}");
        await page.Locator("#correct-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#delegate-name")).ToHaveTextAsync($"Achieng Kenyatta{suffix}");
        await Assertions.Expect(page.Locator("#delegate-badge-outdated")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "8-corrected");
        await page.Locator("#delegate-badge-outdated a").ClickAsync();
        var outdated = page.Locator($"#badge-table tr[data-id='{arriving.Id}']");
        await Assertions.Expect(outdated.Locator(".outdated")).ToBeVisibleAsync();
        await Assertions.Expect(outdated.Locator("input[name=reason]")).ToHaveValueAsync("Name or position corrected");
        await page.RunAndWaitForDownloadAsync(() => outdated.Locator("form.reprint button").ClickAsync());
        await page.GotoAsync($"/Registration/Manage/Badges/{summit.Id}");
        await Assertions.Expect(page.Locator("#badge-outdated")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#batch-table tbody tr").First.Locator(".reason")).ToHaveTextAsync("Name or position corrected");
        page.Problems().AssertNone();
    }
}
