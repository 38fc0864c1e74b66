using System.Globalization;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Invitations;

namespace WeProtect.Summit.Tests.Invitations;

using WeProtect.Summit.Data.Registrations;

/// <summary>A focal point withdraws a nomination not yet approved (the place returns to the quota, the nominee's
/// registration is cancelled, the nominee is told, the old link opens nothing) and sends a nomination e-mail again, at
/// most once per <see cref="Nomination.ResendInterval"/>. Over HTTP, as the focal point.</summary>
public class NominationWithdrawalTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Text(IHtmlDocument page) => page.QuerySelector("main")!.TextContent;

    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    private async Task<(Invitation Invitation, FormClient Focal, string Delegation)> DelegationAsync(int delegates)
    {
        var summit = await app.CreateOpenSummitAsync();
        var (invitation, focalUser) = await app.AcceptedInvitationAsync(summit.Id, heads: 0, delegates: delegates);
        return (invitation, await app.LogInAsync(focalUser), $"/Invitations/Delegation/{invitation.Id}");
    }

    private Task<Nomination> NominationAsync(string email) =>
        app.WithDbAsync(db => db.Nominations.AsNoTracking().SingleAsync(n => n.NormalisedEmail == EmailAddresses.Normalise(email)));

    /// <summary>The nominee opens their link and completes the registration; answers the link and the registration.</summary>
    private async Task<(string Link, FormClient Nominee, Registration Registration)> CompleteAsync(string email, string name)
    {
        var link = await app.LinkInMailAsync(email, "Nominated to the delegation");
        var nominee = await app.LogInAsync(await app.CreateUserAsync(email, name));
        var (done, _) = await nominee.SubmitAndFollowAsync(await nominee.GetPageAsync(link), "#registration-form", new Dictionary<string, string> { ["Input.Position"] = "Adviser" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var nomination = await NominationAsync(email);
        return (link, nominee, await app.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Id == nomination.RegistrationId)));
    }

    private static async Task<IHtmlDocument> PressAsync(FormClient client, IHtmlDocument page, int nominationId, string form)
    {
        var found = page.QuerySelector($"tr[data-nomination-id='{nominationId}'] form.{form}");
        Assert.NotNull(found);
        found!.Id = $"{form}-{nominationId}";
        var (_, after) = await client.SubmitAndFollowAsync(page, $"#{form}-{nominationId}");
        return after;
    }

    /// <summary>Presses the row's Withdraw, which only asks; then confirms. Nothing is withdrawn before the confirmation.</summary>
    private async Task<IHtmlDocument> WithdrawAsync(FormClient client, IHtmlDocument page, int nominationId)
    {
        var asked = await PressAsync(client, page, nominationId, "withdraw-form");
        Assert.Contains("Withdraw the nomination of", asked.QuerySelector("#withdraw-confirmation")!.TextContent);
        // The address in its own direction, so that an Arabic sentence around it keeps its order.
        Assert.Equal("BDI", asked.QuerySelector("#withdraw-confirmation .withdrawing-address")!.TagName);
        Assert.Null(await app.WithDbAsync(db => db.Nominations.Where(n => n.Id == nominationId).Select(n => n.WithdrawnUtc).SingleAsync()));
        var (_, after) = await client.SubmitAndFollowAsync(asked, "#withdraw-confirm-form");
        return after;
    }

    [Fact]
    public async Task Withdraw_only_asks_first_and_sends_nothing_until_confirmed()
    {
        var (_, focal, delegation) = await DelegationAsync(delegates: 1);
        var email = NewEmail("asked");
        await focal.NominateAsync(delegation, email, nameof(DelegateCategory.Delegate));
        var nomination = await NominationAsync(email);

        var asked = await PressAsync(focal, await focal.GetPageAsync(delegation), nomination.Id, "withdraw-form");

        Assert.Contains(email, asked.QuerySelector("#withdraw-confirmation")!.TextContent);
        Assert.NotNull(asked.QuerySelector("#withdraw-confirm-form"));
        Assert.Null((await NominationAsync(email)).WithdrawnUtc);
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "nomination.withdrawn" && e.SubjectId == nomination.Id.ToString(CultureInfo.InvariantCulture))));
        await Task.Delay(300);
        Assert.Empty(app.Letters(email, "Nomination withdrawn"));

        // Cancel leaves it; confirming withdraws it.
        Assert.NotNull(asked.QuerySelector("#withdraw-cancel"));
        var (_, done) = await focal.SubmitAndFollowAsync(asked, "#withdraw-confirm-form");
        Assert.Contains("is withdrawn", Text(done));
        Assert.NotNull((await NominationAsync(email)).WithdrawnUtc);
    }

    [Fact]
    public async Task A_pending_nomination_is_withdrawn_its_place_returns_its_registration_is_cancelled_and_the_nominee_is_told()
    {
        var (invitation, focal, delegation) = await DelegationAsync(delegates: 1);
        var email = NewEmail("nominee");
        await focal.NominateAsync(delegation, email, nameof(DelegateCategory.Delegate));
        var (_, full) = await focal.NominateAsync(delegation, NewEmail("second"), nameof(DelegateCategory.Delegate));
        Assert.Contains("no delegate place left", Text(full));
        var (link, nominee, registration) = await CompleteAsync(email, "Withdrawn Nominee");
        Assert.Equal(RegistrationStatus.Pending, registration.Status);
        var nomination = await NominationAsync(email);

        var after = await WithdrawAsync(focal, await focal.GetPageAsync(delegation), nomination.Id);

        Assert.Contains("is withdrawn", Text(after));
        Assert.Null(after.QuerySelector($"tr[data-nomination-id='{nomination.Id}']"));
        Assert.NotNull((await NominationAsync(email)).WithdrawnUtc);
        Assert.Equal(0, await app.WithDbAsync(db => db.DelegationQuotas.Where(q => q.SummitId == invitation.SummitId && q.OrganisationId == invitation.OrganisationId)
            .Select(q => q.NominatedDelegates).SingleAsync()));
        var cancelled = await app.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Id == registration.Id));
        Assert.Equal(RegistrationStatus.Cancelled, cancelled.Status);
        var actions = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Select(e => new { e.Action, e.SubjectType, e.SubjectId }).ToListAsync());
        Assert.Contains(actions, a => a.Action == "nomination.withdrawn" && a.SubjectId == nomination.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Contains(actions, a => a.Action == "registration.cancelled" && a.SubjectId == registration.Id.ToString(CultureInfo.InvariantCulture));
        var letter = Assert.Single(await app.WaitForLettersAsync(email, "Nomination withdrawn", 1));
        Assert.Contains("was withdrawn", letter.TextBody);
        Assert.Contains("cancelled", letter.TextBody);

        // The nominee's link opens nothing now; the place is free for someone else, and the same address may be nominated again.
        Assert.Contains("withdrawn", (await nominee.GetPageAsync(link)).QuerySelector("#registration-closed")!.TextContent);
        var (_, refilled) = await focal.NominateAsync(delegation, email, nameof(DelegateCategory.Delegate));
        Assert.Single(refilled.QuerySelectorAll("#nominees tbody tr"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Nominations.CountAsync(n => n.InvitationId == invitation.Id && n.WithdrawnUtc == null)));
        Assert.Equal(1, await app.WithDbAsync(db => db.DelegationQuotas.Where(q => q.SummitId == invitation.SummitId && q.OrganisationId == invitation.OrganisationId)
            .Select(q => q.NominatedDelegates).SingleAsync()));
    }

    /// <summary>A nominee who cancels on their own keeps the nomination (they may register again through it): the focal
    /// point's page says so, and that withdrawing the nomination frees the place.</summary>
    [Fact]
    public async Task A_nominee_who_cancels_keeps_the_place_until_withdrawn_and_the_focal_point_is_told_how_to_free_it()
    {
        var (_, focal, delegation) = await DelegationAsync(delegates: 1);
        var email = NewEmail("canceller");
        await focal.NominateAsync(delegation, email, nameof(DelegateCategory.Delegate));
        var (_, nominee, registration) = await CompleteAsync(email, "Cancelling Nominee");
        Assert.Null((await focal.GetPageAsync(delegation)).QuerySelector(".cancelled-hint"));
        await nominee.SubmitAndFollowAsync(await nominee.GetPageAsync($"/Registration/Details/{registration.Id}"), "#cancel-form");

        var page = await focal.GetPageAsync(delegation);
        var nomination = await NominationAsync(email);
        var row = page.QuerySelector($"tr[data-nomination-id='{nomination.Id}']")!;
        Assert.Equal("The delegate cancelled: the place stays theirs, to register again, until the nomination is withdrawn.",
            row.QuerySelector(".cancelled-hint")!.TextContent.Trim());
        Assert.NotNull(row.QuerySelector("form.withdraw-form"));
        await WithdrawAsync(focal, page, nomination.Id);
        var (_, refilled) = await focal.NominateAsync(delegation, NewEmail("replacement"), nameof(DelegateCategory.Delegate));
        Assert.DoesNotContain("no delegate place left", Text(refilled));
        Assert.Single(refilled.QuerySelectorAll("#nominees tbody tr"));
    }

    [Fact]
    public async Task An_approved_nominee_cannot_be_withdrawn_even_from_a_page_shown_before_the_approval()
    {
        var (invitation, focal, delegation) = await DelegationAsync(delegates: 2);
        var email = NewEmail("approved");
        await focal.NominateAsync(delegation, email, nameof(DelegateCategory.Delegate));
        var (_, _, registration) = await CompleteAsync(email, "Approved Nominee");
        var nomination = await NominationAsync(email);
        var before = await focal.GetPageAsync(delegation);
        Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);

        var after = await WithdrawAsync(focal, before, nomination.Id);

        Assert.Contains("already approved", Text(after));
        Assert.Null(after.QuerySelector($"tr[data-nomination-id='{nomination.Id}'] form.withdraw-form"));
        Assert.Null((await NominationAsync(email)).WithdrawnUtc);
        Assert.Equal(RegistrationStatus.Approved, await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.Status).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.DelegationQuotas.Where(q => q.SummitId == invitation.SummitId && q.OrganisationId == invitation.OrganisationId)
            .Select(q => q.NominatedDelegates).SingleAsync()));
        Assert.Empty(app.Letters(email, "Nomination withdrawn"));
    }

    [Fact]
    public async Task Send_again_is_refused_within_the_interval_with_the_time_left_then_sends_the_same_link_once()
    {
        var (_, focal, delegation) = await DelegationAsync(delegates: 2);
        var email = NewEmail("resend");
        await focal.NominateAsync(delegation, email, nameof(DelegateCategory.Delegate));
        var first = Assert.Single(await app.WaitForLettersAsync(email, "Nominated to the delegation", 1));
        var nomination = await NominationAsync(email);

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var refused = await PressAsync(focal, await focal.GetPageAsync(delegation), nomination.Id, "resend-form");
        Assert.Contains("less than 15 minutes ago", Text(refused));
        Assert.Contains("again in 10 minutes", Text(refused));

        app.Clock.Advance(Nomination.ResendInterval);
        var page = await focal.GetPageAsync(delegation);
        var sent = await PressAsync(focal, page, nomination.Id, "resend-form");
        Assert.Contains("sent again", Text(sent));
        var again = await PressAsync(focal, page, nomination.Id, "resend-form");   // the same form posted twice
        Assert.Contains("less than 15 minutes ago", Text(again));

        var letters = await app.WaitForLettersAsync(email, "Nominated to the delegation", 2);
        await Task.Delay(500);
        Assert.Equal(2, app.Letters(email, "Nominated to the delegation").Count);
        Assert.Equal(InvitationMail.LinkIn(first), InvitationMail.LinkIn(letters[1]));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "nomination.resent" && e.SubjectId == nomination.Id.ToString(CultureInfo.InvariantCulture))));
    }
}
