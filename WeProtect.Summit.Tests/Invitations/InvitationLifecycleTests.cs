using System.Globalization;
using System.Text;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Summits;

namespace WeProtect.Summit.Tests.Invitations;

using WeProtect.Summit.Data.Registrations;

/// <summary>An invitation's life over HTTP: sent (mail with a link whose token is stored only as a hash), opened,
/// accepted by the address it was sent to, refused to another address (masked), expired, revoked; nominations within
/// the quota; a nominee completing their registration; reminders sent once per press to those that have not nominated.</summary>
public class InvitationLifecycleTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Text(IHtmlDocument page) => page.QuerySelector("main")!.TextContent;

    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    private async Task<(Data.Summits.Summit Summit, Data.Organisations.Organisation Organisation, FormClient Organiser)> InvitationSummitAsync()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Invitations/Manage/{summit.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync(page, "#mode-form")).StatusCode);
        Assert.Equal(RegistrationMode.ByInvitation, await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summit.Id).Select(s => s.RegistrationMode).SingleAsync()));
        return (summit, organisation, organiser);
    }

    [Fact]
    public async Task Invitation_is_sent_opened_and_accepted_by_its_address_and_self_service_is_refused()
    {
        var (summit, organisation, organiser) = await InvitationSummitAsync();
        var focalEmail = NewEmail("focal");
        await organiser.InviteAsync(summit.Id, organisation.Id, focalEmail, heads: 1, delegates: 2);

        var link = await app.LinkInMailAsync(focalEmail, "Invitation to");
        var token = link.Split('/').Last();
        var stored = await app.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.SummitId == summit.Id));
        Assert.Equal(InvitationTokens.Hash(token), stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenSeed + stored.TokenHash);
        var quota = await app.WithDbAsync(db => db.DelegationQuotas.AsNoTracking().SingleAsync(q => q.SummitId == summit.Id && q.OrganisationId == organisation.Id));
        Assert.Equal((1, 2), (quota.HeadsOfDelegation, quota.Delegates));

        // Anyone else may not register themselves.
        var (stranger, _) = await app.LoggedInUserAsync();
        var register = await stranger.GetPageAsync($"/Registration/Register/{summit.Id}");
        Assert.Contains("by invitation", register.QuerySelector("#registration-closed")!.TextContent);
        Assert.Null(register.QuerySelector("#registration-form"));

        var focalUser = await app.CreateUserAsync(focalEmail.ToUpperInvariant(), "Focal Point");
        var focal = await app.LogInAsync(focalUser);
        var delegation = await focal.AcceptAsync(link);
        Assert.Contains($"/Invitations/Delegation/{stored.Id}", delegation);
        var accepted = await app.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Id == stored.Id));
        Assert.Equal(focalUser.Id, accepted.FocalPointUserId);
        Assert.Contains(await app.WithDbAsync(db => db.AuditEvents.Select(e => e.Action).ToListAsync()), a => a == "invitation.accepted");
        Assert.Contains("Accepted", Text(await organiser.GetPageAsync($"/Invitations/Manage/{summit.Id}")));
        // Someone who is not the focal point gets no delegation page.
        var denied = await stranger.GetAsync(delegation);
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location?.OriginalString ?? "");
    }

    [Fact]
    public async Task A_user_signed_in_with_another_address_is_refused_and_told_the_masked_address()
    {
        var (summit, organisation, organiser) = await InvitationSummitAsync();
        var focalEmail = NewEmail("minister.office");
        await organiser.InviteAsync(summit.Id, organisation.Id, focalEmail);
        var link = await app.LinkInMailAsync(focalEmail, "Invitation to");

        var (other, _) = await app.LoggedInUserAsync();
        var page = await other.GetPageAsync(link);
        var refused = page.QuerySelector("#invitation-refused")!.TextContent;
        Assert.Contains(EmailAddresses.Mask(focalEmail), refused);
        Assert.StartsWith("m•••@e•••.org", EmailAddresses.Mask(focalEmail));
        Assert.DoesNotContain(focalEmail, page.DocumentElement.OuterHtml);
        Assert.Null(page.QuerySelector("#accept-form"));
        // A crafted post is refused too.
        var token = await other.GetPageAsync(link);
        var post = await other.Http.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "",
        }));
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Invitations.Where(i => i.SummitId == summit.Id).Select(i => i.FocalPointUserId).SingleAsync()));
    }

    [Fact]
    public async Task An_expired_invitation_and_a_revoked_one_open_nothing()
    {
        var (summit, organisation, organiser) = await InvitationSummitAsync();
        var second = await app.CreateOrganisationAsync();
        var expiringEmail = NewEmail("late");
        var revokedEmail = NewEmail("revoked");
        await organiser.InviteAsync(summit.Id, organisation.Id, expiringEmail);
        await organiser.InviteAsync(summit.Id, second.Id, revokedEmail);
        var expiringLink = await app.LinkInMailAsync(expiringEmail, "Invitation to");
        var revokedLink = await app.LinkInMailAsync(revokedEmail, "Invitation to");

        var revokedId = await app.WithDbAsync(db => db.Invitations.Where(i => i.SummitId == summit.Id && i.OrganisationId == second.Id).Select(i => i.Id).SingleAsync());
        var manage = await organiser.GetPageAsync($"/Invitations/Manage/{summit.Id}");
        var confirm = await organiser.GetPageAsync(manage.QuerySelector($"tr[data-invitation-id='{revokedId}'] a.revoke-link")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync(confirm, "#revoke-form")).StatusCode);
        var revokedUser = await app.LogInAsync(await app.CreateUserAsync(revokedEmail));
        Assert.Contains("withdrawn", (await revokedUser.GetPageAsync(revokedLink)).QuerySelector("#invitation-refused")!.TextContent);

        var expires = await app.WithDbAsync(db => db.Invitations.Where(i => i.SummitId == summit.Id && i.OrganisationId == organisation.Id).Select(i => i.ExpiresUtc).SingleAsync());
        app.Clock.Advance(expires - app.UtcNow + TimeSpan.FromMinutes(1));
        var lateUser = await app.LogInAsync(await app.CreateUserAsync(expiringEmail));
        var page = await lateUser.GetPageAsync(expiringLink);
        Assert.Contains("expired", page.QuerySelector("#invitation-refused")!.TextContent);
        Assert.Null(page.QuerySelector("#accept-form"));
        Assert.Equal(HttpStatusCode.NotFound, (await lateUser.GetAsync("/Invitations/Accept/not-a-token")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.SummitId == summit.Id && i.FocalPointUserId != null)));
    }

    [Fact]
    public async Task A_link_works_for_thirty_days_and_until_nominations_close_if_that_is_later()
    {
        // Nominations close in about three months (the sample summit): the link works until then.
        var (summit, organisation, organiser) = await InvitationSummitAsync();
        await organiser.InviteAsync(summit.Id, organisation.Id, NewEmail("long"));
        var sent = app.UtcNow;
        var closes = summit.RegistrationClosesUtc!.Value;
        Assert.True(closes > sent + Invitation.Lifetime);
        // (Databases keep microseconds, or a tenth of one: compared to the millisecond.)
        Assert.Equal(closes, await app.WithDbAsync(db => db.Invitations.Where(i => i.SummitId == summit.Id).Select(i => i.ExpiresUtc).SingleAsync()), TimeSpan.FromMilliseconds(1));

        // Nominations closing sooner than thirty days: the link still works for thirty days.
        var soon = await app.CreateOpenSummitAsync();
        await app.WithDbAsync(async db =>
        {
            var row = await db.Summits.SingleAsync(s => s.Id == soon.Id);
            row.RegistrationClosesUtc = sent.AddDays(10);
            await db.SaveChangesAsync();
        });
        var other = await app.CreateOrganisationAsync();
        await organiser.InviteAsync(soon.Id, other.Id, NewEmail("short"));
        Assert.Equal(sent + Invitation.Lifetime, await app.WithDbAsync(db => db.Invitations.Where(i => i.SummitId == soon.Id).Select(i => i.ExpiresUtc).SingleAsync()), TimeSpan.FromMilliseconds(1));
        Assert.Equal(sent + Invitation.Lifetime, Invitation.ExpiryFor(sent, null));
    }

    [Fact]
    public async Task Moving_the_closing_later_keeps_the_links_that_still_work_working_until_then()
    {
        var (summit, organisation, organiser) = await InvitationSummitAsync();
        await organiser.InviteAsync(summit.Id, organisation.Id, NewEmail("waiting"));
        var withdrawn = await app.CreateOrganisationAsync();
        await organiser.InviteAsync(summit.Id, withdrawn.Id, NewEmail("withdrawn"));
        await app.WithDbAsync(db => db.Invitations.Where(i => i.SummitId == summit.Id && i.OrganisationId == withdrawn.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.RevokedUtc, app.UtcNow)));
        var closes = summit.RegistrationClosesUtc!.Value;

        var page = await organiser.GetPageAsync($"/Summits/Manage/Edit/{summit.Id}");
        var (_, saved) = await organiser.SubmitAndFollowAsync(page, "#summit-form", new Dictionary<string, string>
        {
            ["Input.RegistrationCloses"] = summit.ToLocal(closes.AddDays(7)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        });
        Assert.Contains("Summit saved. One invitation link now works until registration closes.", (saved.QuerySelector("[role=status]") ?? saved.QuerySelector(".validation-summary-errors") ?? saved.QuerySelector("main"))!.TextContent);
        var later = await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summit.Id).Select(s => s.RegistrationClosesUtc!.Value).SingleAsync());
        Assert.True(later > closes.AddDays(6));
        var expiries = await app.WithDbAsync(db => db.Invitations.Where(i => i.SummitId == summit.Id).ToDictionaryAsync(i => i.OrganisationId, i => i.ExpiresUtc));
        Assert.Equal(later, expiries[organisation.Id], TimeSpan.FromMilliseconds(1));
        // A withdrawn link has no expiry to move.
        Assert.Equal(closes, expiries[withdrawn.Id], TimeSpan.FromMilliseconds(1));
        Assert.Contains(await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "summit.updated").Select(e => e.Summary).ToListAsync()),
            summary => summary.Contains("1 invitation links extended to", StringComparison.Ordinal));

        // Moving it sooner again shortens nothing: a link sent out keeps its word.
        page = await organiser.GetPageAsync($"/Summits/Manage/Edit/{summit.Id}");
        var (_, again) = await organiser.SubmitAndFollowAsync(page, "#summit-form", new Dictionary<string, string>
        {
            ["Input.RegistrationCloses"] = summit.ToLocal(closes).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        });
        Assert.Contains("Summit saved.", (again.QuerySelector("[role=status]") ?? again.QuerySelector("main"))!.TextContent);
        Assert.Equal(later, await app.WithDbAsync(db => db.Invitations.Where(i => i.SummitId == summit.Id && i.OrganisationId == organisation.Id)
            .Select(i => i.ExpiresUtc).SingleAsync()), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Nominations_stop_at_the_quota_and_a_nominee_completes_their_own_registration()
    {
        var (summit, organisation, organiser) = await InvitationSummitAsync();
        var focalEmail = NewEmail("focal");
        await organiser.InviteAsync(summit.Id, organisation.Id, focalEmail, heads: 1, delegates: 1);
        var focal = await app.LogInAsync(await app.CreateUserAsync(focalEmail, "Focal Point"));
        var delegation = await focal.AcceptAsync(await app.LinkInMailAsync(focalEmail, "Invitation to"));

        var headEmail = NewEmail("head");
        var (done, _) = await focal.NominateAsync(delegation, headEmail, nameof(DelegateCategory.HeadOfDelegation), new Dictionary<string, string>
        {
            ["Input.Title"] = "Minister of Justice", ["Input.Honorific"] = "H.E.", ["Input.Rank"] = nameof(ProtocolRank.Minister), ["Input.Order"] = "1",
        });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var (_, second) = await focal.NominateAsync(delegation, NewEmail("delegate"), nameof(DelegateCategory.Delegate));
        Assert.Equal(2, second.QuerySelectorAll("#nominees tbody tr").Length);
        var (_, refused) = await focal.NominateAsync(delegation, NewEmail("one-too-many"), nameof(DelegateCategory.Delegate));
        Assert.Contains("no delegate place left", Text(refused));
        var (_, twice) = await focal.NominateAsync(delegation, headEmail.ToUpperInvariant(), nameof(DelegateCategory.Delegate));
        Assert.Contains("already nominated", Text(twice));
        var quota = await app.WithDbAsync(db => db.DelegationQuotas.AsNoTracking().SingleAsync(q => q.SummitId == summit.Id && q.OrganisationId == organisation.Id));
        Assert.Equal((1, 1), (quota.NominatedHeads, quota.NominatedDelegates));
        Assert.Equal(2, await app.WithDbAsync(db => db.Nominations.CountAsync(n => n.SummitId == summit.Id)));

        // The nominee's link, opened by someone else, is refused; by the nominee, it shows the form without organisation or place.
        var link = await app.LinkInMailAsync(headEmail, "Nominated to the delegation");
        var (stranger, _) = await app.LoggedInUserAsync();
        Assert.Contains(EmailAddresses.Mask(headEmail), (await stranger.GetPageAsync(link)).QuerySelector("#registration-closed")!.TextContent);
        var nominee = await app.LogInAsync(await app.CreateUserAsync(headEmail, "Amina Diallo"));
        var form = await nominee.GetPageAsync(link);
        Assert.Contains(organisation.FormalName, form.QuerySelector("#nominated-by")!.TextContent);
        Assert.Null(form.QuerySelector("[name='Input.OrganisationId']"));
        var (registered, details) = await nominee.SubmitAndFollowAsync(form, "#registration-form", new Dictionary<string, string> { ["Input.Position"] = "Minister" });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("H.E.", details.QuerySelector("#protocol")!.TextContent);

        var row = await app.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.SummitId == summit.Id));
        Assert.Equal((organisation.Id, DelegateCategory.HeadOfDelegation, RegistrationStatus.Pending), (row.OrganisationId, row.Category, row.Status));
        Assert.Equal((ProtocolRank.Minister, true, "H.E.", 1), (row.Rank, row.IsMinister, row.Honorific, row.ProtocolOrder));
        Assert.NotNull(row.NominationId);
        var progress = (await organiser.GetPageAsync($"/Invitations/Manage/{summit.Id}")).QuerySelector($"tr[data-organisation-id='{organisation.Id}']")!;
        Assert.Equal(("2", "1", "0"), (progress.QuerySelector(".nominated")!.TextContent, progress.QuerySelector(".registered")!.TextContent, progress.QuerySelector(".approved")!.TextContent));
        Assert.Contains(row.Id.ToString(CultureInfo.InvariantCulture),
            (await organiser.GetPageAsync($"/Registration/Manage/Index/{summit.Id}")).DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task Remind_reaches_those_that_have_not_nominated_once_per_press()
    {
        var (summit, organisation, organiser) = await InvitationSummitAsync();
        var answered = await app.CreateOrganisationAsync();
        var silentEmail = NewEmail("silent");
        var answeredEmail = NewEmail("answered");
        await organiser.InviteAsync(summit.Id, organisation.Id, silentEmail);
        await organiser.InviteAsync(summit.Id, answered.Id, answeredEmail);
        var focal = await app.LogInAsync(await app.CreateUserAsync(answeredEmail));
        var delegation = await focal.AcceptAsync(await app.LinkInMailAsync(answeredEmail, "Invitation to"));
        await focal.NominateAsync(delegation, NewEmail("nominee"), "Delegate");   // answered: it has nominated
        await app.LinkInMailAsync(silentEmail, "Invitation to");

        var page = await organiser.GetPageAsync($"/Invitations/Manage/{summit.Id}");
        var (_, first) = await organiser.SubmitAndFollowAsync(page, "#remind-form");
        Assert.Contains("Reminder sent to 1 organisation that has not nominated anyone.", Text(first));
        var (_, again) = await organiser.SubmitAndFollowAsync(page, "#remind-form");   // the same form posted again
        Assert.Contains("already sent", Text(again));

        await app.LinkInMailAsync(silentEmail, "Reminder: Invitation");
        await Task.Delay(500);
        Assert.Single(app.SentMail(), m => (m.Subject ?? "").StartsWith("Reminder: Invitation") && m.To.ToString().Contains(silentEmail));
        Assert.DoesNotContain(app.SentMail(), m => (m.Subject ?? "").StartsWith("Reminder: Invitation") && m.To.ToString().Contains(answeredEmail));
        Assert.Equal(1, await app.WithDbAsync(db => db.InvitationReminderRounds.CountAsync(r => r.SummitId == summit.Id)));
    }

    [Fact]
    public async Task A_file_with_bad_lines_sends_nothing_and_lists_them_and_a_good_file_invites_all()
    {
        var summit = await app.CreateOpenSummitAsync();
        var first = await app.CreateOrganisationAsync();
        var second = await app.CreateOrganisationAsync();
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Invitations/Manage/{summit.Id}");
        var bad = $"organisation,email,quota\n{first.FormalName},a@example.org,3\nNo Such Ministry,b@example.org,\n{second.Id},not-an-address,x\n";
        var (_, shown) = await organiser.SubmitAndFollowAsync(page, "#upload-form", files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("invitations.csv", Encoding.UTF8.GetBytes(bad)) });
        var errors = shown.QuerySelectorAll("#file-errors li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Line 3:", errors[0]);
        Assert.StartsWith("Line 4:", errors[1]);
        Assert.Contains("quota", errors[1]);
        Assert.False(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.SummitId == summit.Id)));

        var good = $"organisation,email,quota\n\"{first.FormalName}\",{NewEmail("first")},3\n{second.Id},{NewEmail("second")},\n";
        var (_, done) = await organiser.SubmitAndFollowAsync(page, "#upload-form", files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("invitations.csv", Encoding.UTF8.GetBytes(good)) });
        Assert.Contains("2 invitations sent", Text(done));
        Assert.Equal(2, await app.WithDbAsync(db => db.Invitations.CountAsync(i => i.SummitId == summit.Id)));
        Assert.Equal(3, await app.WithDbAsync(db => db.DelegationQuotas.Where(q => q.SummitId == summit.Id && q.OrganisationId == first.Id).Select(q => q.Delegates).SingleAsync()));
    }
}
