using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Summits;

namespace WeProtect.Summit.Tests.Invitations;

/// <summary>The focal point corrects the e-mail address of one of their own nominees (not yet registered) from their
/// delegation page, through <see cref="DelegateAddressDesk"/>: a new link to the new address, the earlier one dead,
/// audited as the secretariat's correction is. Another organisation's focal point cannot (403, or 404 through their own
/// invitation), nor anyone once the summit's registration is closed.</summary>
public class NominationAddressTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string ErrorFor(IHtmlDocument page, string field) => page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";

    private async Task<(Data.Summits.Summit Summit, Data.Invitations.Invitation Invitation, SummitUser Focal, string Typo, int NominationId)> NomineeAsync()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (invitation, focal) = await app.AcceptedInvitationAsync(summit.Id);
        var typo = $"nominee-{Guid.NewGuid():N}@exmaple.org";
        Assert.True((await app.NominateAsync(invitation, focal, typo)).Succeeded);
        var nominationId = await app.WithDbAsync(db => db.Nominations.Where(n => n.Email == typo).Select(n => n.Id).SingleAsync());
        return (summit, invitation, focal, typo, nominationId);
    }

    private Task<string> AddressAsync(int nominationId) =>
        app.WithDbAsync(db => db.Nominations.Where(n => n.Id == nominationId).Select(n => n.Email).SingleAsync());

    [Fact]
    public async Task The_focal_point_corrects_their_nominees_address_and_only_the_new_link_works()
    {
        var (_, invitation, focal, typo, nominationId) = await NomineeAsync();
        var taken = $"other-{Guid.NewGuid():N}@example.org";
        Assert.True((await app.NominateAsync(invitation, focal, taken)).Succeeded);
        var oldLink = await app.NominationLinkAsync(typo);
        using var focalClient = await app.LogInAsync(focal);

        var delegation = await focalClient.GetPageAsync($"/Invitations/Delegation/{invitation.Id}");
        var href = delegation.QuerySelector($"tr[data-nomination-id='{nominationId}'] a.readdress-link")!.GetAttribute("href")!;
        Assert.Equal($"/Invitations/NominationAddress/{invitation.Id}/{nominationId}", href);
        var form = await focalClient.GetPageAsync(href);
        Assert.Contains(typo, form.QuerySelector("#current-address")!.TextContent);

        // The desk's rules hold for the focal point as for the secretariat: refused beside the field, nothing changes.
        foreach (var (bad, why) in new[] { (taken, "This address is already nominated for this summit."), ("not an address", "That is not an e-mail address.") })
        {
            var refused = await focalClient.SubmitAsync(form, "#address-form", new Dictionary<string, string> { ["Input.Email"] = bad });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(why, ErrorFor(await FormClient.ParseAsync(refused), "Input.Email"));
        }
        Assert.Equal(typo, await AddressAsync(nominationId));

        var right = $"nominee-{Guid.NewGuid():N}@example.org";
        var (_, done) = await focalClient.SubmitAndFollowAsync(form, "#address-form", new Dictionary<string, string> { ["Input.Email"] = right });
        Assert.Contains("a new link was sent there, and the earlier link no longer works", done.QuerySelector("[role=status]")!.TextContent);
        Assert.NotNull(done.QuerySelector($"tr[data-nomination-id='{nominationId}']"));
        Assert.Equal(right, await AddressAsync(nominationId));
        var newLink = await app.LinkInMailAsync(right, "Nominated to the delegation");
        Assert.NotEqual(oldLink, newLink);
        using (var typoClient = await app.LogInAsync(await app.CreateUserAsync(typo, "Wrong Mailbox")))
            Assert.Contains("This nomination link is not known", (await typoClient.GetPageAsync(oldLink)).QuerySelector("#registration-closed")!.TextContent);

        // Audited like the secretariat's correction, saying who, never the address.
        var readdressed = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == DelegateAddressDesk.NominationReaddressed
            && e.SubjectId == nominationId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("corrected by the focal point", readdressed.Summary);
        Assert.Equal(focal.Id, readdressed.ActorUserId);
        Assert.DoesNotContain("@", readdressed.Summary);
    }

    [Fact]
    public async Task Another_organisations_focal_point_cannot_correct_the_address()
    {
        var (summit, invitation, _, typo, nominationId) = await NomineeAsync();
        var (otherInvitation, otherFocal) = await app.AcceptedInvitationAsync(summit.Id);
        using var other = await app.LogInAsync(otherFocal);
        var target = $"hijack-{Guid.NewGuid():N}@example.org";

        // Through the nominee's own invitation: forbidden; through their own invitation: no such nomination.
        foreach (var (url, status) in new[]
                 {
                     ($"/Invitations/NominationAddress/{invitation.Id}/{nominationId}", HttpStatusCode.Forbidden),
                     ($"/Invitations/NominationAddress/{otherInvitation.Id}/{nominationId}", HttpStatusCode.NotFound),
                 })
        {
            Assert.True(Is(await other.GetAsync(url), status), url);
            var token = (await other.GetPageAsync($"/Invitations/Delegation/{otherInvitation.Id}"))
                .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var post = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Email"] = target });
            Assert.True(Is(await other.Http.PostAsync(url, post), status), url);
        }
        Assert.Equal(typo, await AddressAsync(nominationId));
        Assert.Empty(app.MailTo(target));
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == DelegateAddressDesk.NominationReaddressed
            && e.SubjectId == nominationId.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        // An organiser opening the focal point's page is sent to the secretariat's.
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var redirected = await organiser.GetAsync($"/Invitations/NominationAddress/{invitation.Id}/{nominationId}");
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Equal($"/Invitations/Manage/NominationAddress/{summit.Id}/{nominationId}", redirected.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Once_registration_is_closed_the_focal_point_is_sent_to_the_secretariat()
    {
        var (summit, invitation, focal, typo, nominationId) = await NomineeAsync();
        using var focalClient = await app.LogInAsync(focal);
        var form = await focalClient.GetPageAsync($"/Invitations/NominationAddress/{invitation.Id}/{nominationId}");
        await app.WithDbAsync(async db =>
        {
            var row = await db.Summits.SingleAsync(s => s.Id == summit.Id);
            Assert.Null(row.MoveTo(SummitStatus.Closed));
            await db.SaveChangesAsync();
        });

        // The form seen before the close is refused, saying why; the page and the delegation page no longer offer it.
        var target = $"late-{Guid.NewGuid():N}@example.org";
        var refused = await focalClient.SubmitAsync(form, "#address-form", new Dictionary<string, string> { ["Input.Email"] = target });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Registration for this summit is closed: ask the secretariat to correct the address.",
            (await FormClient.ParseAsync(refused)).QuerySelector(".alert-danger")?.TextContent ?? "");
        Assert.Equal(typo, await AddressAsync(nominationId));
        Assert.Empty(app.MailTo(target));
        var page = await focalClient.GetPageAsync($"/Invitations/NominationAddress/{invitation.Id}/{nominationId}");
        Assert.Null(page.QuerySelector("#address-form"));
        Assert.Contains("ask the secretariat", page.QuerySelector("#not-readdressable")!.TextContent);
        Assert.Null((await focalClient.GetPageAsync($"/Invitations/Delegation/{invitation.Id}")).QuerySelector("a.readdress-link"));
    }

    private static bool Is(HttpResponseMessage response, HttpStatusCode status) =>
        response.StatusCode == status
        || (status == HttpStatusCode.Forbidden && response.StatusCode == HttpStatusCode.Redirect
            && (response.Headers.Location?.OriginalString ?? "").Contains("/Account/AccessDenied"));
}
