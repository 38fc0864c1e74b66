using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Notifications;

namespace WeProtect.Summit.Tests.Invitations;

/// <summary>"Remind those that have not nominated anyone" over HTTP: it reaches an unanswered invitation and an accepted
/// one with nobody nominated (whose letter leads to its delegation page), not one that has nominated; the organiser
/// sees who was reminded when; a note of the organisers' own goes into that round's letters; the button works as a plain
/// form and, with htmx, redraws the list in place.</summary>
public class InvitationReminderTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    private static IHtmlDocument Parse(string html) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

    /// <summary>A summit by invitation with three organisations: one silent, one accepted without nominees, one that nominated.</summary>
    private async Task<(int SummitId, FormClient Organiser, string Silent, string Accepted, string Nominated, int AcceptedId)> ThreeOrganisationsAsync()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Invitations/Manage/{summit.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync(page, "#mode-form")).StatusCode);
        var (silent, accepted, nominated) = (NewEmail("silent"), NewEmail("accepted"), NewEmail("nominated"));
        foreach (var email in new[] { silent, accepted, nominated })
            await organiser.InviteAsync(summit.Id, (await app.CreateOrganisationAsync()).Id, email);
        var acceptedFocal = await app.LogInAsync(await app.CreateUserAsync(accepted));
        var acceptedDelegation = await acceptedFocal.AcceptAsync(await app.LinkInMailAsync(accepted, "Invitation to"));
        var nominatingFocal = await app.LogInAsync(await app.CreateUserAsync(nominated));
        var delegation = await nominatingFocal.AcceptAsync(await app.LinkInMailAsync(nominated, "Invitation to"));
        await nominatingFocal.NominateAsync(delegation, NewEmail("nominee"), "Delegate");
        await app.LinkInMailAsync(silent, "Invitation to");
        var acceptedId = int.Parse(acceptedDelegation.Split('/').Last().Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        return (summit.Id, organiser, silent, accepted, nominated, acceptedId);
    }

    private int Reminders(string email) => app.Letters(email, "Reminder: Invitation").Count;

    [Fact]
    public async Task Remind_reaches_the_silent_and_the_accepted_without_nominees_and_the_organiser_sees_when()
    {
        var (summitId, organiser, silent, accepted, nominated, acceptedId) = await ThreeOrganisationsAsync();
        var page = await organiser.GetPageAsync($"/Invitations/Manage/{summitId}");
        Assert.Contains("(2)", page.QuerySelector("#remind-form button")!.TextContent);

        var (_, shown) = await organiser.SubmitAndFollowAsync(page, "#remind-form");
        Assert.Contains("Reminders sent to 2 organisations that have not nominated anyone.", shown.QuerySelector("main")!.TextContent);
        await app.WaitForLettersAsync(silent, "Reminder: Invitation", 1);
        var toAccepted = (await app.WaitForLettersAsync(accepted, "Reminder: Invitation", 1)).Single();
        Assert.Contains("has not yet nominated its delegation", toAccepted.TextBody);
        // Accepted already: no "accept the invitation", no accept link's expiry.
        Assert.DoesNotContain("accept the invitation", toAccepted.TextBody);
        Assert.DoesNotContain("works until", toAccepted.TextBody);
        Assert.Contains("Nominations close on", toAccepted.TextBody);
        Assert.Contains($"/Invitations/Delegation/{acceptedId}", toAccepted.TextBody);
        var toSilent = app.Letters(silent, "Reminder: Invitation").Single().TextBody;
        Assert.Contains("/Invitations/Accept/", toSilent);
        Assert.Contains("accept the invitation", toSilent);
        await Task.Delay(300);
        Assert.Equal(0, Reminders(nominated));

        // Who was reminded, and when, in the list.
        var rows = shown.QuerySelectorAll("#invitations-table tbody tr").ToList();
        Assert.Equal(2, rows.Count(r => r.QuerySelector(".state")!.TextContent.Contains("(reminded")));
        Assert.DoesNotContain("(reminded", rows.Single(r => r.TextContent.Contains(nominated)).QuerySelector(".state")!.TextContent);
        Assert.Contains(await app.WithDbAsync(db => db.AuditEvents.Select(e => e.Action).ToListAsync()), a => a == "invitation.reminded");
    }

    [Fact]
    public async Task An_organisers_note_goes_into_that_rounds_reminders_and_one_too_long_is_kept_and_refused()
    {
        var (summitId, organiser, silent, accepted, _, _) = await ThreeOrganisationsAsync();
        var page = await organiser.GetPageAsync($"/Invitations/Manage/{summitId}");

        // Too long: nothing is sent, the note comes back beside its error.
        var tooLong = string.Concat(Enumerable.Repeat("Please nominate. ", 60));
        var refused = await organiser.SubmitAsync(page, "#remind-form", new Dictionary<string, string> { ["ReminderNote"] = tooLong });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var shown = await FormClient.ParseAsync(refused);
        Assert.Contains("The note can be at most 1,000 characters; it has 1,019.", shown.QuerySelector("[data-valmsg-for='ReminderNote']")!.TextContent);
        Assert.Equal(tooLong, shown.QuerySelector("textarea#ReminderNote")!.TextContent.TrimStart('\n', '\r'));
        Assert.Equal("", shown.QuerySelector("[data-valmsg-for='Input.Email']")!.TextContent.Trim());   // no stray error on the invitation form
        Assert.Equal(0, await app.WithDbAsync(db => db.Invitations.CountAsync(i => i.SummitId == summitId && i.LastRemindedUtc != null)));

        // Within the limit: each reminder of the round carries it, paragraphs kept.
        await organiser.SubmitAndFollowAsync(shown, "#remind-form",
            new Dictionary<string, string> { ["ReminderNote"] = "  Please nominate by Friday.\r\n\r\nThe secretariat, Addis Ababa  " });
        foreach (var email in new[] { silent, accepted })
        {
            var body = (await app.WaitForLettersAsync(email, "Reminder: Invitation", 1)).Single().TextBody;
            Assert.Contains("A note from the secretariat:\n\nPlease nominate by Friday.\n\nThe secretariat, Addis Ababa\n\n", body!.ReplaceLineEndings("\n"));
        }

        // The next round without a note: the standard letter only.
        await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Invitations/Manage/{summitId}"), "#remind-form");
        var next = (await app.WaitForLettersAsync(silent, "Reminder: Invitation", 2)).Where(l => !l.TextBody!.Contains("Please nominate by Friday")).ToList();
        Assert.DoesNotContain("A note from the secretariat", Assert.Single(next).TextBody);
    }

    [Fact]
    public async Task With_htmx_the_list_is_redrawn_in_place_and_the_same_press_again_sends_nothing()
    {
        var (summitId, organiser, silent, accepted, _, _) = await ThreeOrganisationsAsync();
        var page = await organiser.GetPageAsync($"/Invitations/Manage/{summitId}");
        Assert.NotNull(page.QuerySelector("#remind-form[hx-post]"));
        organiser.Http.DefaultRequestHeaders.Add("HX-Request", "true");
        try
        {
            var first = await organiser.SubmitAsync(page, "#remind-form");
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var fragment = Parse(await first.Content.ReadAsStringAsync());
            Assert.Null(fragment.QuerySelector("#invite-form"));   // the list only, not the whole page
            Assert.Contains("Reminders sent to 2", fragment.QuerySelector("#remind-result")!.TextContent);
            Assert.Equal(2, fragment.QuerySelectorAll("#invitations-table .state").Count(s => s.TextContent.Contains("(reminded")));
            // The redrawn form carries a new key; the old one posted again is refused.
            Assert.NotEqual(page.QuerySelector("#remind-form input[name=roundKey]")!.GetAttribute("value"),
                fragment.QuerySelector("#remind-form input[name=roundKey]")!.GetAttribute("value"));
            var again = Parse(await (await organiser.SubmitAsync(page, "#remind-form")).Content.ReadAsStringAsync());
            Assert.Contains("already sent", again.QuerySelector("#remind-result")!.TextContent);
        }
        finally
        {
            organiser.Http.DefaultRequestHeaders.Remove("HX-Request");
        }
        await app.WaitForLettersAsync(silent, "Reminder: Invitation", 1);
        await app.WaitForLettersAsync(accepted, "Reminder: Invitation", 1);
        await Task.Delay(300);
        Assert.Equal((1, 1), (Reminders(silent), Reminders(accepted)));
        Assert.Equal(1, await app.WithDbAsync(db => db.InvitationReminderRounds.CountAsync(r => r.SummitId == summitId)));
    }

    [Fact]
    public async Task With_nobody_to_remind_the_page_says_so_and_sends_nothing()
    {
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var summit = await app.CreateOpenSummitAsync();
        var (invitation, focal) = await app.AcceptedInvitationAsync(summit.Id);
        Assert.True((await app.NominateAsync(invitation, focal, NewEmail("only"))).Succeeded);
        var page = await organiser.GetPageAsync($"/Invitations/Manage/{summit.Id}");
        var (_, shown) = await organiser.SubmitAndFollowAsync(page, "#remind-form");
        Assert.Contains("Nobody to remind", shown.QuerySelector("main")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKinds.InvitationReminder && n.SubjectId == invitation.Id)));
    }
}
