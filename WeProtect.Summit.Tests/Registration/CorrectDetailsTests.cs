using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>The secretariat corrects a delegate's name, position and needs after the decision (the delegate's own
/// edits stop there): the record shows it, the delegate is told (name and position, never needs), the audit trail
/// names the fields but not their values, and a badge printed before is flagged until it is printed again. A stale
/// form, bad input or a cancelled registration changes nothing.</summary>
public class CorrectDetailsTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string FormOf(int summitId, int registrationId) => $"/Registration/Manage/Correct/{summitId}/{registrationId}";

    [Fact]
    public async Task An_organiser_corrects_a_misspelt_name_the_delegate_is_told_and_the_printed_badge_is_flagged_until_reprinted()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (amina, registration) = await app.ApprovedDelegateAsync(summit.Id, "Amina Mispelt");
        await app.SetNeedsAsync(registration.Id, null, Need.Vegetarian);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var badgesUrl = $"/Registration/Manage/Badges/{summit.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync(await organiser.GetPageAsync(badgesUrl), "#print-new")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        using var delegateClient = await app.LogInAsync(amina);
        Assert.Null((await delegateClient.GetPageAsync($"/Registration/Details/{registration.Id}")).QuerySelector("#corrected-by-secretariat"));
        var record = await organiser.GetPageAsync($"/Registration/Manage/Delegate/{summit.Id}/{registration.Id}");
        Assert.Null(record.QuerySelector("#delegate-badge-outdated"));
        var form = await organiser.GetPageAsync(record.QuerySelector("#correct-details")!.GetAttribute("href")!);
        Assert.NotNull(form.QuerySelector("#correct-badge-printed"));
        Assert.Equal("Amina Mispelt", form.QuerySelector("#Input_FullName")!.GetAttribute("value"));
        Assert.True(((IHtmlInputElement)form.QuerySelector("#need-Vegetarian")!).IsChecked);
        Assert.True(((IHtmlInputElement)form.QuerySelector("#Input_TellDelegate")!).IsChecked);

        var (_, after) = await organiser.SubmitAndFollowAsync(form, "#correct-form", new Dictionary<string, string>
        {
            ["Input.FullName"] = "  Amina Mistry ", ["Input.Position"] = "Minister of ICT",
            ["Input.Needs"] = nameof(Need.WheelchairAccess), ["Input.NeedsNote"] = "Ramp at the side entrance",
        });
        Assert.Contains("Amina Mistry's details are corrected; they will be told by e-mail.", after.QuerySelector("main")!.TextContent);
        Assert.Equal("Amina Mistry", after.QuerySelector("#delegate-name")!.TextContent);
        var needs = after.QuerySelector("#delegate-needs")!.TextContent;
        Assert.Contains("Wheelchair access", needs);
        Assert.Contains("Ramp at the side entrance", needs);
        Assert.DoesNotContain("Vegetarian", needs);
        Assert.NotNull(after.QuerySelector("#delegate-badge-outdated"));

        // The delegate's own page shows the corrected details and says who corrected them, and when.
        var own = await delegateClient.GetPageAsync($"/Registration/Details/{registration.Id}");
        Assert.Contains("Amina Mistry", own.QuerySelector("#registration-answers")!.TextContent);
        Assert.Contains($"The secretariat corrected these details on {summit.ToLocal(app.UtcNow):d MMMM yyyy, HH:mm}",
            own.QuerySelector("#corrected-by-secretariat")!.TextContent);

        // The trail names what changed, never the values (the needs above all).
        var corrected = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == "registration.corrected" && e.SubjectId == registration.Id.ToString()));
        Assert.Equal($"Registration {registration.Id} corrected by the secretariat: AccessNeeds, FullName, Position, Needs", corrected.Summary);
        Assert.NotNull(after.QuerySelector("#delegate-history tr[data-action='registration.corrected']"));

        // The delegate is told the name and position as they now read, in a letter listed on the record; not the needs.
        await app.WaitForAllMailAsync();
        var letter = Assert.Single(app.SentMail(), m => m.To.Mailboxes.Any(a => a.Address == amina.Email) && m.Subject == $"Your registration was corrected: {summit.Name}");
        Assert.Contains("Amina Mistry", letter.TextBody);
        Assert.Contains("Minister of ICT", letter.TextBody);
        Assert.DoesNotContain("Ramp", letter.TextBody);
        Assert.DoesNotContain("Wheelchair", letter.TextBody);
        record = await organiser.GetPageAsync($"/Registration/Manage/Delegate/{summit.Id}/{registration.Id}");
        Assert.Contains("Details corrected by the secretariat",
            record.QuerySelector($"#delegate-letters tr[data-kind='{NotificationKinds.RegistrationCorrected}']")!.TextContent);

        // The badges page flags the badge, with the reason to reprint filled in; the reprint clears the flag.
        var badges = await organiser.GetPageAsync(badgesUrl);
        Assert.Contains("1 badge was printed before its name or position was corrected", badges.QuerySelector("#badge-outdated")!.TextContent);
        var row = badges.QuerySelector($"#badge-table tr[data-id='{registration.Id}']")!;
        Assert.NotNull(row.QuerySelector(".outdated"));
        Assert.Equal("Name or position corrected", row.QuerySelector("input[name='reason']")!.GetAttribute("value"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync(badges, $"#badge-table tr[data-id='{registration.Id}'] form.reprint")).StatusCode);
        badges = await organiser.GetPageAsync(badgesUrl);
        Assert.Null(badges.QuerySelector("#badge-outdated"));
        Assert.Equal("Name or position corrected", badges.QuerySelector("#batch-table .reason")!.TextContent);
        record = await organiser.GetPageAsync($"/Registration/Manage/Delegate/{summit.Id}/{registration.Id}");
        Assert.Null(record.QuerySelector("#delegate-badge-outdated"));

        // Changing only the needs leaves the printed badge as it is.
        form = await organiser.GetPageAsync(FormOf(summit.Id, registration.Id));
        await organiser.SubmitAndFollowAsync(form, "#correct-form", new Dictionary<string, string> { ["Input.Needs"] = nameof(Need.Halal) });
        Assert.Null((await organiser.GetPageAsync(badgesUrl)).QuerySelector("#badge-outdated"));
    }

    [Fact]
    public async Task A_stale_form_bad_input_or_a_cancelled_registration_changes_nothing_and_says_why()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (omar, registration) = await app.ApprovedDelegateAsync(summit.Id, "Omar Stale");
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var first = await organiser.GetPageAsync(FormOf(summit.Id, registration.Id));
        var second = await organiser.GetPageAsync(FormOf(summit.Id, registration.Id));
        Task<string> NameAsync() => app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.FullName).SingleAsync());

        // Without telling the delegate: no letter is written.
        var (_, saved) = await organiser.SubmitAndFollowAsync(first, "#correct-form",
            new Dictionary<string, string> { ["Input.FullName"] = "Omar Fresh", ["Input.TellDelegate"] = "false" });
        Assert.Contains("Omar Fresh's details are corrected.", saved.QuerySelector("main")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Kind == NotificationKinds.RegistrationCorrected && n.SubjectId == registration.Id)));

        // The other organiser's form was made from the version before: refused, the first correction stays.
        var stale = await organiser.SubmitAsync(second, "#correct-form", new Dictionary<string, string> { ["Input.FullName"] = "Omar Overwrite" });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed Omar Fresh's registration meanwhile", (await FormClient.ParseAsync(stale)).QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("Omar Fresh", await NameAsync());

        // Bad input: each problem beside its field, nothing saved.
        var current = await organiser.GetPageAsync(FormOf(summit.Id, registration.Id));
        async Task<IHtmlDocument> RefusedAsync(string field, string value)
        {
            var response = await organiser.SubmitAsync(current, "#correct-form", new Dictionary<string, string> { [field] = value });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await FormClient.ParseAsync(response);
        }
        Assert.Contains("The full name is required.", (await RefusedAsync("Input.FullName", "   ")).QuerySelector("[data-valmsg-for='Input.FullName']")!.TextContent);
        Assert.Contains("The position is longer than 200 characters.",
            (await RefusedAsync("Input.Position", new string('p', 201))).QuerySelector("[data-valmsg-for='Input.Position']")!.TextContent);
        Assert.Contains("The note about the needs is longer than 1000 characters.",
            (await RefusedAsync("Input.NeedsNote", new string('n', 1001))).QuerySelector("[data-valmsg-for='Input.NeedsNote']")!.TextContent);
        Assert.Contains("Choose needs from the list.", (await RefusedAsync("Input.Needs", "Teleportation")).QuerySelector("[data-valmsg-for='Input.Needs']")!.TextContent);
        Assert.Contains("not allowed in a name", (await RefusedAsync("Input.FullName", "Omar\u202EFresh")).QuerySelector("[data-valmsg-for='Input.FullName']")!.TextContent);
        Assert.Contains("made only of characters that show nothing", (await RefusedAsync("Input.FullName", "\u200B\u3164")).QuerySelector("[data-valmsg-for='Input.FullName']")!.TextContent);
        Assert.Equal("Omar Fresh", await NameAsync());
        var (_, unchanged) = await organiser.SubmitAndFollowAsync(current, "#correct-form");
        Assert.Contains("Nothing to save: Omar Fresh's details are unchanged.", unchanged.QuerySelector("main")!.TextContent);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "registration.corrected" && e.SubjectId == registration.Id.ToString())));

        // Cancelled by the delegate meanwhile: refused; the record offers no correction.
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<RegistrationDesk>().CancelAsync(registration.Id, omar.Id, new AuditActor(omar.Id, omar.FullName))).Succeeded);
        var cancelled = await organiser.SubmitAsync(current, "#correct-form", new Dictionary<string, string> { ["Input.FullName"] = "Omar Late" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Contains("This registration is cancelled: there is nothing to correct.", (await FormClient.ParseAsync(cancelled)).QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("Omar Fresh", await NameAsync());
        Assert.NotNull((await organiser.GetPageAsync(FormOf(summit.Id, registration.Id))).QuerySelector("#correct-cancelled"));
        Assert.Null((await organiser.GetPageAsync($"/Registration/Manage/Delegate/{summit.Id}/{registration.Id}")).QuerySelector("#correct-details"));

        // Another summit's registration is not found; a delegate may not open the page.
        var elsewhere = await app.CreateOpenSummitAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync(FormOf(elsewhere.Id, registration.Id))).StatusCode);
        using var delegateClient = await app.LogInAsync(omar);
        var denied = await delegateClient.GetAsync(FormOf(summit.Id, registration.Id));
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_delegate_is_told_in_the_language_saved_on_their_account()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (elodie, registration) = await app.ApprovedDelegateAsync(summit.Id, "Élodie Fautee");
        await app.PreferLanguageAsync(elodie, "fr");
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var form = await organiser.GetPageAsync(FormOf(summit.Id, registration.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync(form, "#correct-form", new Dictionary<string, string> { ["Input.FullName"] = "Élodie Fautée" })).StatusCode);
        await app.WaitForAllMailAsync();
        var letter = Assert.Single(app.SentMail(), m => m.To.Mailboxes.Any(a => a.Address == elodie.Email) && m.Subject == $"Votre inscription a été corrigée : {summit.Name}");
        Assert.Contains($"Le secrétariat a corrigé votre inscription à {summit.Name}.", letter.TextBody);
        Assert.Contains("Élodie Fautée", letter.TextBody);
    }
}
