using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Languages;

namespace WeProtect.Summit.Tests.Invitations;

/// <summary>A focal point whose invitation link has expired asks for a fresh one on the link's page: it goes to the
/// invitation's address only (never shown on the page, whoever asks), the old link is dead, the new one accepts; a link
/// still valid or a revoked invitation gives none.</summary>
public class InvitationRenewalTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Text(IHtmlDocument page) => page.QuerySelector("main")!.TextContent;

    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    [Fact]
    public async Task An_expired_link_gives_a_fresh_one_sent_to_the_invitations_address_only()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var focalEmail = NewEmail("expired");
        await organiser.InviteAsync(summit.Id, organisation.Id, focalEmail);
        var oldLink = InvitationMail.LinkIn(Assert.Single(await app.WaitForLettersAsync(focalEmail, "Invitation to", 1)));

        // Still valid: nothing to renew.
        var (early, _) = await app.LoggedInUserAsync();
        var valid = await early.GetPageAsync(oldLink);
        Assert.NotNull(valid.QuerySelector("#invitation-refused"));   // another address: told which one, masked
        Assert.Null(valid.QuerySelector("#renew-form"));

        var invitation = await app.WithDbAsync(db => db.Invitations.SingleAsync(i => i.SummitId == summit.Id));
        app.Clock.Advance(invitation.ExpiresUtc - app.UtcNow + TimeSpan.FromMinutes(1));
        var (someone, _) = await app.LoggedInUserAsync();   // sign-in cookies run on the app's clock: a fresh log-in
        // Someone else holding the link (forwarded) may ask; the fresh link still goes only to the invitation's address.
        var expired = await someone.GetPageAsync(oldLink);
        Assert.Equal($"This invitation expired on {invitation.ExpiresUtc.ToString("d MMMM yyyy", InterfaceLanguages.FormattingCulture("en"))}. A fresh link can be sent to the address it was sent to.",
            expired.QuerySelector("#invitation-refused")!.TextContent);
        // Read in French, the date too.
        var french = await LocalizedAppFactory.Speaking(someone, "fr").GetPageAsync(oldLink);
        Assert.Equal($"Cette invitation a expiré le {invitation.ExpiresUtc.ToString("d MMMM yyyy", InterfaceLanguages.FormattingCulture("fr"))}. " +
            "Un nouveau lien peut être envoyé à l'adresse à laquelle elle a été envoyée.", french.QuerySelector("#invitation-refused")!.TextContent);
        someone.Http.DefaultRequestHeaders.AcceptLanguage.Clear();
        var (_, answered) = await someone.SubmitAndFollowAsync(expired, "#renew-form");
        Assert.Contains($"A fresh link was sent to {EmailAddresses.Mask(focalEmail)}", Text(answered));

        var letters = await app.WaitForLettersAsync(focalEmail, "Invitation to", 2);
        var newLink = InvitationMail.LinkIn(letters[1]);
        Assert.NotEqual(oldLink, newLink);
        var newToken = newLink.Split('/').Last();
        Assert.DoesNotContain(newToken, answered.DocumentElement.OuterHtml);
        Assert.Equal(HttpStatusCode.NotFound, (await someone.GetAsync(oldLink)).StatusCode);
        Assert.Contains(await app.WithDbAsync(db => db.AuditEvents.Select(e => e.Action).ToListAsync()), a => a == "invitation.renewed");

        // The fresh link is valid: no renewal offered, and the focal point accepts with it.
        Assert.Null((await someone.GetPageAsync(newLink)).QuerySelector("#renew-form"));
        var focal = await app.LogInAsync(await app.CreateUserAsync(focalEmail, "Late Focal Point"));
        Assert.Contains("/Invitations/Delegation/", await focal.AcceptAsync(newLink));
        await Task.Delay(500);
        Assert.Equal(2, app.Letters(focalEmail, "Invitation to").Count);
        Assert.DoesNotContain(app.SentMail(), m => m.TextBody?.Contains(newToken, StringComparison.Ordinal) == true
            && !m.To.Mailboxes.Any(a => string.Equals(a.Address, focalEmail, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task A_revoked_invitation_gives_no_fresh_link_even_once_expired()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var focalEmail = NewEmail("revoked");
        await organiser.InviteAsync(summit.Id, organisation.Id, focalEmail);
        var link = InvitationMail.LinkIn(Assert.Single(await app.WaitForLettersAsync(focalEmail, "Invitation to", 1)));
        var invitationId = await app.WithDbAsync(db => db.Invitations.Where(i => i.SummitId == summit.Id).Select(i => i.Id).SingleAsync());
        var (_, revoked) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Invitations/Manage/Revoke/{summit.Id}/{invitationId}"), "#revoke-form");
        Assert.Contains("is revoked", Text(revoked));
        var expires = await app.WithDbAsync(db => db.Invitations.Where(i => i.Id == invitationId).Select(i => i.ExpiresUtc).SingleAsync());
        app.Clock.Advance(expires - app.UtcNow + TimeSpan.FromMinutes(1));

        var (someone, _) = await app.LoggedInUserAsync();
        var page = await someone.GetPageAsync(link);
        Assert.Contains("withdrawn", page.QuerySelector("#invitation-refused")!.TextContent);
        Assert.Null(page.QuerySelector("#renew-form"));
        // A crafted post is refused by the desk too.
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var post = await someone.Http.PostAsync(link + "?handler=Renew", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var answer = await FormClient.ParseAsync(post.StatusCode == HttpStatusCode.Redirect ? await someone.GetAsync(post.Headers.Location!.OriginalString) : post);
        Assert.Contains("only they can invite your organisation again", answer.QuerySelector("main")!.TextContent);
        await Task.Delay(500);
        Assert.Single(app.Letters(focalEmail, "Invitation to"));
    }
}
