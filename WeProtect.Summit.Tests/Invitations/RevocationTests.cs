using System.Globalization;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Invitations;

namespace WeProtect.Summit.Tests.Invitations;

using WeProtect.Summit.Data.Registrations;

/// <summary>Revoking an invitation through its confirmation page: the nominations not yet approved are withdrawn
/// (places back to the quota, registrations cancelled, nominees told), approved delegates keep their places (the page
/// says so before), the focal point is told.</summary>
public class RevocationTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Text(IHtmlDocument page) => page.QuerySelector("main")!.TextContent;

    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    private async Task<Registration> CompleteAsync(string email, string name)
    {
        var nominee = await app.LogInAsync(await app.CreateUserAsync(email, name));
        var (done, _) = await nominee.SubmitAndFollowAsync(await nominee.GetPageAsync(await app.NominationLinkAsync(email)), "#registration-form",
            new Dictionary<string, string> { ["Input.Position"] = "Adviser" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var registrationId = await app.WithDbAsync(db => db.Nominations.Where(n => n.NormalisedEmail == EmailAddresses.Normalise(email)).Select(n => n.RegistrationId).SingleAsync());
        return await app.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Id == registrationId));
    }

    [Fact]
    public async Task Revoking_withdraws_pending_nominations_keeps_approved_delegates_and_tells_the_focal_point()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (invitation, focal) = await app.AcceptedInvitationAsync(summit.Id, heads: 1, delegates: 2);
        var (head, pending, silent) = (NewEmail("head"), NewEmail("pending"), NewEmail("silent"));
        Assert.True((await app.NominateAsync(invitation, focal, head, DelegateCategory.HeadOfDelegation)).Succeeded);
        Assert.True((await app.NominateAsync(invitation, focal, pending)).Succeeded);
        Assert.True((await app.NominateAsync(invitation, focal, silent)).Succeeded);
        var approved = await CompleteAsync(head, "Kept Minister");
        Assert.True((await app.DecideAsync(approved.Id, RegistrationStatus.Approved)).Succeeded);
        var waiting = await CompleteAsync(pending, "Pending Delegate");

        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var manage = await organiser.GetPageAsync($"/Invitations/Manage/{summit.Id}");
        var href = manage.QuerySelector($"tr[data-invitation-id='{invitation.Id}'] a.revoke-link")!.GetAttribute("href")!;
        var confirm = await organiser.GetPageAsync(href);
        Assert.Contains("2 nominations not yet approved will be withdrawn", confirm.QuerySelector("#revoke-withdrawn")!.TextContent);
        var kept = confirm.QuerySelector("#revoke-kept")!.TextContent;
        Assert.Contains("1 approved delegate keeps their place", kept);
        Assert.Contains("Kept Minister", kept);
        Assert.False(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Id == invitation.Id && i.RevokedUtc != null)), "GET revokes nothing");

        var (_, done) = await organiser.SubmitAndFollowAsync(confirm, "#revoke-form");

        Assert.Contains("is revoked", Text(done));
        Assert.Contains("2 nominations not yet approved were withdrawn", Text(done));
        Assert.Contains("1 approved delegate keeps their place.", Text(done));
        Assert.True(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Id == invitation.Id && i.RevokedUtc != null)));
        var quota = await app.WithDbAsync(db => db.DelegationQuotas.AsNoTracking().SingleAsync(q => q.SummitId == summit.Id && q.OrganisationId == invitation.OrganisationId));
        Assert.Equal((1, 0, 1), (quota.NominatedHeads, quota.NominatedDelegates, quota.ApprovedHeads));
        var statuses = await app.WithDbAsync(db => db.Registrations.AsNoTracking().Where(r => r.SummitId == summit.Id).ToDictionaryAsync(r => r.Id, r => r.Status));
        Assert.Equal(RegistrationStatus.Approved, statuses[approved.Id]);
        Assert.Equal(RegistrationStatus.Cancelled, statuses[waiting.Id]);
        var withdrawn = await app.WithDbAsync(db => db.Nominations.Where(n => n.InvitationId == invitation.Id && n.WithdrawnUtc != null).Select(n => n.NormalisedEmail).ToListAsync());
        Assert.Equal(new[] { EmailAddresses.Normalise(pending), EmailAddresses.Normalise(silent) }.Order(StringComparer.Ordinal), withdrawn.Order(StringComparer.Ordinal));
        var events = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == "invitation.revoked" && e.SubjectId == invitation.Id.ToString(CultureInfo.InvariantCulture)).Select(e => e.Summary).ToListAsync());
        Assert.Contains("2 nominations withdrawn, 1 approved delegate kept", Assert.Single(events));

        Assert.Contains("no longer works", Assert.Single(await app.WaitForLettersAsync(focal.Email!, "Invitation withdrawn", 1)).TextBody);
        await app.WaitForLettersAsync(pending, "Nomination withdrawn", 1);
        await app.WaitForLettersAsync(silent, "Nomination withdrawn", 1);
        await Task.Delay(500);
        Assert.Empty(app.Letters(head, "Nomination withdrawn"));

        // The page of a revoked invitation says so and offers nothing more.
        var again = await organiser.GetPageAsync(href);
        Assert.NotNull(again.QuerySelector("#already-revoked"));
        Assert.Null(again.QuerySelector("#revoke-form"));
    }
}
