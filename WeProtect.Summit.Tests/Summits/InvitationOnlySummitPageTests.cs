using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Tests.Summits;

/// <summary>A summit by invitation, its registration window open: its page says registration is by invitation and
/// offers no Register button (to visitors, signed in or not), as the registration page refuses them; a signed-in
/// nominee is sent to their own nomination link. Over HTTP.</summary>
public class InvitationOnlySummitPageTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private async Task<Data.Summits.Summit> InvitationOnlySummitAsync()
    {
        var summit = await app.CreateOpenSummitAsync();
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Summits.SingleAsync(s => s.Id == summit.Id);
            Assert.Null(stored.SetRegistrationMode(Data.Summits.RegistrationMode.ByInvitation));
            return await db.SaveChangesAsync();
        });
        Assert.True(summit.IsRegistrationOpen(app.UtcNow));
        return summit;
    }

    [Fact]
    public async Task Visitors_signed_in_or_not_are_told_registration_is_by_invitation_and_get_no_register_button()
    {
        var summit = await InvitationOnlySummitAsync();
        var (member, _) = await app.LoggedInUserAsync();
        foreach (var client in new[] { app.CreateFormClient(), member })
        {
            var page = await client.GetPageAsync($"/Summits/Details/{summit.Id}");
            Assert.Null(page.QuerySelector("#register-link"));
            Assert.Null(page.QuerySelector("#nomination-link"));
            var state = page.QuerySelector("#registration-state")!.TextContent;
            Assert.Contains("Registration is by invitation", state);
            Assert.DoesNotContain("Registration is open", state);
        }
        // The registration page says the same.
        Assert.Contains("by invitation", (await member.GetPageAsync($"/Registration/Register/{summit.Id}")).QuerySelector("#registration-closed")!.TextContent);
    }

    [Fact]
    public async Task A_signed_in_nominee_is_linked_to_their_nomination_and_no_longer_once_registered()
    {
        var summit = await InvitationOnlySummitAsync();
        var (invitation, focal) = await app.AcceptedInvitationAsync(summit.Id, heads: 0, delegates: 2);
        var email = $"nominee-{Guid.NewGuid():N}@example.org";
        Assert.True((await app.NominateAsync(invitation, focal, email)).Succeeded);
        var nominee = await app.LogInAsync(await app.CreateUserAsync(email, "Held Nominee"));

        var page = await nominee.GetPageAsync($"/Summits/Details/{summit.Id}");

        Assert.Null(page.QuerySelector("#register-link"));
        var link = page.QuerySelector("#nomination-link")!.GetAttribute("href")!;
        Assert.Equal(await app.NominationLinkAsync(email), Uri.UnescapeDataString(link));
        var (done, _) = await nominee.SubmitAndFollowAsync(await nominee.GetPageAsync(link), "#registration-form",
            new Dictionary<string, string> { ["Input.Position"] = "Adviser" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Registrations.CountAsync(r => r.SummitId == summit.Id && r.Status != RegistrationStatus.Cancelled)));
        var after = await nominee.GetPageAsync($"/Summits/Details/{summit.Id}");
        Assert.Null(after.QuerySelector("#nomination-link"));
        Assert.NotNull(after.QuerySelector("#my-registration-link"));
    }
}
