using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Tests.Registration;

/// <summary>The secretariat corrects a delegate's e-mail address: a nomination not yet taken up moves to the new
/// address with a new link (the old one is dead); an account's address changes only when the delegate confirms it from
/// the new mailbox, the old address told; an address another account holds is refused; only organisers may do either,
/// and the audit trail names the record, never an address.</summary>
public class DelegateAddressTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string ErrorFor(IHtmlDocument page, string field) => page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";

    [Fact]
    public async Task An_organiser_moves_a_nomination_to_a_new_address_and_only_the_new_link_works()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (invitation, focal) = await app.AcceptedInvitationAsync(summit.Id);
        var (typo, right, taken) = ($"nominee-{Guid.NewGuid():N}@exmaple.org", $"nominee-{Guid.NewGuid():N}@example.org", $"other-{Guid.NewGuid():N}@example.org");
        Assert.True((await app.NominateAsync(invitation, focal, typo)).Succeeded);
        Assert.True((await app.NominateAsync(invitation, focal, taken)).Succeeded);
        var oldLink = await app.NominationLinkAsync(typo);
        var nominationId = await app.WithDbAsync(db => db.Nominations.Where(n => n.Email == typo).Select(n => n.Id).SingleAsync());

        // From the delegation page, the nominee's row; the focal point's link goes to their own page (Invitations/NominationAddress).
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var delegation = await organiser.GetPageAsync($"/Invitations/Delegation/{invitation.Id}");
        var href = delegation.QuerySelector($"tr[data-nomination-id='{nominationId}'] a.readdress-link")!.GetAttribute("href")!;
        Assert.Equal($"/Invitations/Manage/NominationAddress/{summit.Id}/{nominationId}", href);
        using (var focalClient = await app.LogInAsync(focal))
            Assert.Equal($"/Invitations/NominationAddress/{invitation.Id}/{nominationId}", (await focalClient.GetPageAsync($"/Invitations/Delegation/{invitation.Id}"))
                .QuerySelector($"tr[data-nomination-id='{nominationId}'] a.readdress-link")!.GetAttribute("href"));
        var form = await organiser.GetPageAsync(href);

        // Another live nomination's address, or not an address: refused beside the field, nothing changes.
        foreach (var (bad, why) in new[] { (taken, "This address is already nominated for this summit."), ("not an address", "That is not an e-mail address.") })
        {
            var refused = await organiser.SubmitAsync(form, "#address-form", new Dictionary<string, string> { ["Input.Email"] = bad });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(why, ErrorFor(await FormClient.ParseAsync(refused), "Input.Email"));
        }
        Assert.Equal(typo, await app.WithDbAsync(db => db.Nominations.Where(n => n.Id == nominationId).Select(n => n.Email).SingleAsync()));

        var (_, done) = await organiser.SubmitAndFollowAsync(form, "#address-form", new Dictionary<string, string> { ["Input.Email"] = right });
        Assert.Contains("a new link was sent there, and the earlier link no longer works", done.QuerySelector("[role=status]")!.TextContent);
        var newLink = await app.LinkInMailAsync(right, "Nominated to the delegation");
        Assert.NotEqual(oldLink, newLink);

        // The old link is dead, even for the account of the mistyped address; the new one takes its owner to the form.
        using (var typoClient = await app.LogInAsync(await app.CreateUserAsync(typo, "Wrong Mailbox")))
            Assert.Contains("This nomination link is not known", (await typoClient.GetPageAsync(oldLink)).QuerySelector("#registration-closed")!.TextContent);
        using var nominee = await app.LogInAsync(await app.CreateUserAsync(right, "Right Person"));
        var register = await nominee.GetPageAsync(newLink);
        var registered = await nominee.SubmitAsync(register, "#registration-form", new Dictionary<string, string> { ["Input.Position"] = "Director" });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.Nominations.Where(n => n.Id == nominationId).Select(n => n.RegistrationId).SingleAsync()));

        // Once taken up, the nomination's address is the account's: the page says so and offers no form.
        var after = await organiser.GetPageAsync(href);
        Assert.Null(after.QuerySelector("#address-form"));
        Assert.Contains("already completed their registration", after.QuerySelector("#not-readdressable")!.TextContent);

        var events = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == DelegateAddressDesk.NominationReaddressed).ToListAsync());
        var readdressed = Assert.Single(events, e => e.SubjectId == nominationId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("@", readdressed.Summary);
    }

    [Fact]
    public async Task An_organiser_starts_an_account_address_change_that_the_delegate_confirms_from_the_new_mailbox()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (oldAddress, newAddress) = (AccountSteps.NewEmail(), AccountSteps.NewEmail());
        var user = await app.CreateUserAsync(oldAddress, "Moving Minister");
        var organisation = await app.CreateOrganisationAsync();
        var registration = await app.RegisterAsync(user, summit.Id, organisation.Id);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var record = await organiser.GetPageAsync($"/Registration/Manage/Delegate/{summit.Id}/{registration.Id}");
        var form = await organiser.GetPageAsync(record.QuerySelector("#change-address")!.GetAttribute("href")!);
        Assert.Contains(oldAddress, form.QuerySelector("#current-address")!.TextContent);
        var (_, back) = await organiser.SubmitAndFollowAsync(form, "#address-form", new Dictionary<string, string> { ["Input.Email"] = newAddress });
        Assert.Contains("the address changes when the delegate opens it", back.QuerySelector("[role=status]")!.TextContent);
        Assert.NotNull(back.QuerySelector("#delegate-name"));

        // Nothing moved yet; the old address is told who asked; the new one gets the link.
        Assert.Equal(oldAddress, await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Email).SingleAsync()));
        var notice = Assert.Single(app.MailTo(oldAddress), m => m.Subject == "A new e-mail address was asked for your account");
        Assert.Contains("The summit secretariat asked to move your WeProtect Summit account to " + newAddress, notice.TextBody);
        var confirm = Assert.Single(app.MailTo(newAddress), m => m.Subject == "Confirm your new e-mail address");
        Assert.Contains("The summit secretariat asked", confirm.TextBody);
        var link = AccountSteps.LinkIn(confirm, "/Account/ConfirmEmailChange");

        using var mailbox = app.CreateFormClient();
        var ready = await mailbox.GetPageAsync(link);
        await mailbox.SubmitAndFollowAsync(ready, "form#confirm-email-change");
        var row = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal((newAddress, newAddress), (row.Email, row.UserName));
        Assert.Single(app.MailTo(oldAddress), m => m.Subject == "Your e-mail address was changed");
        var shown = await organiser.GetPageAsync($"/Registration/Manage/Delegate/{summit.Id}/{registration.Id}");
        Assert.Contains(newAddress, shown.QuerySelector("#delegate-facts")!.TextContent);

        // Audited on the registration (its record's history), without the address.
        var started = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == DelegateAddressDesk.EmailChangeStarted
            && e.SubjectId == registration.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.DoesNotContain("@", started.Summary);
        Assert.NotNull(shown.QuerySelector($"#delegate-history tr[data-action='{DelegateAddressDesk.EmailChangeStarted}']"));
    }

    [Fact]
    public async Task An_address_another_account_holds_or_the_same_one_is_refused_and_nothing_is_sent()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id, "Careful Delegate");
        var someoneElse = await app.CreateUserAsync(AccountSteps.NewEmail(), "Someone Else");
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var form = await organiser.GetPageAsync($"/Registration/Manage/Address/{summit.Id}/{registration.Id}");
        foreach (var (address, why) in new[]
                 {
                     (someoneElse.Email!.ToUpperInvariant(), "This address belongs to another account: ask the delegate for another one."),
                     (user.Email!, "That is already this delegate's address."),
                     ("nobody-at-all", "That is not an e-mail address."),
                 })
        {
            var refused = await organiser.SubmitAsync(form, "#address-form", new Dictionary<string, string> { ["Input.Email"] = address });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(why, ErrorFor(await FormClient.ParseAsync(refused), "Input.Email"));
        }
        Assert.DoesNotContain(app.MailTo(someoneElse.Email!), m => (m.Subject ?? "").Contains("e-mail address", StringComparison.Ordinal));
        Assert.DoesNotContain(app.MailTo(user.Email!), m => m.Subject == "A new e-mail address was asked for your account");
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == DelegateAddressDesk.EmailChangeStarted
            && e.SubjectId == registration.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task The_delegate_and_the_focal_point_cannot_change_an_address()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (invitation, focal) = await app.AcceptedInvitationAsync(summit.Id);
        var nominee = $"nominee-{Guid.NewGuid():N}@example.org";
        Assert.True((await app.NominateAsync(invitation, focal, nominee)).Succeeded);
        var nominationId = await app.WithDbAsync(db => db.Nominations.Where(n => n.Email == nominee).Select(n => n.Id).SingleAsync());
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id, "Own Delegate");
        var target = AccountSteps.NewEmail();
        using var own = await app.LogInAsync(user);
        using var focalClient = await app.LogInAsync(focal);
        foreach (var client in new[] { own, focalClient })
            foreach (var url in new[] { $"/Registration/Manage/Address/{summit.Id}/{registration.Id}", $"/Invitations/Manage/NominationAddress/{summit.Id}/{nominationId}" })
            {
                Assert.True(Denied(await client.GetAsync(url)), url);
                using var post = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = target });
                Assert.True(Denied(await client.Http.PostAsync(url, post)), url);
            }
        Assert.Empty(app.MailTo(target));
        Assert.Equal(nominee, await app.WithDbAsync(db => db.Nominations.Where(n => n.Id == nominationId).Select(n => n.Email).SingleAsync()));
        Assert.Equal(user.Email, await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Email).SingleAsync()));
    }

    private static bool Denied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && (response.Headers.Location?.OriginalString ?? "").Contains("/Account/AccessDenied"));
}
