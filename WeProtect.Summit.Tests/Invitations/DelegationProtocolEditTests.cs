using System.Globalization;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Invitations;

namespace WeProtect.Summit.Tests.Invitations;

using WeProtect.Summit.Data.Registrations;

/// <summary>A nominee's protocol row on the delegation page: saved from the version it was opened at (a stale save is
/// refused with their version beside what was typed), and a refused row shows its own input and messages.</summary>
public class DelegationProtocolEditTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private async Task<(Invitation Invitation, FormClient Focal, int NominationId)> NomineeAsync()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (invitation, focal) = await app.AcceptedInvitationAsync(summit.Id);
        var email = $"nominee-{Guid.NewGuid():N}@example.org";
        var nominated = await app.NominateAsync(invitation, focal, email, DelegateCategory.Delegate,
            new ProtocolDetails("Adviser", null, ProtocolRank.SeniorOfficial, 4));
        Assert.True(nominated.Succeeded, nominated.Message);
        var id = await app.WithDbAsync(db => db.Nominations.Where(n => n.InvitationId == invitation.Id).Select(n => n.Id).SingleAsync());
        return (invitation, await app.LogInAsync(focal), id);
    }

    private static string Value(IHtmlDocument page, string selector) => ((IHtmlInputElement)page.QuerySelector(selector)!).Value;

    [Fact]
    public async Task A_protocol_row_saved_from_a_page_opened_before_an_organisers_edit_is_refused_showing_theirs_and_keeping_yours()
    {
        var (invitation, focal, id) = await NomineeAsync();
        var path = $"/Invitations/Delegation/{invitation.Id}";
        var stale = await focal.GetPageAsync(path);

        // An organiser changes the same nominee's protocol meanwhile.
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var theirs = await organiser.SubmitAsync(await organiser.GetPageAsync(path), $"#protocol-form-{id}", new Dictionary<string, string>
        {
            ["title"] = "Minister of Justice", ["rank"] = nameof(ProtocolRank.Minister), ["order"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, theirs.StatusCode);

        var (response, page) = await focal.SubmitAndFollowAsync(stale, $"#protocol-form-{id}", new Dictionary<string, string>
        {
            ["title"] = "Deputy Minister", ["rank"] = nameof(ProtocolRank.DeputyMinister), ["order"] = "2",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this nomination meanwhile", page.QuerySelector("main")!.TextContent);
        // Theirs, as saved now, beside the row; what the focal point typed, in the row.
        var card = page.QuerySelector($"#protocol-theirs-{id}")!.TextContent;
        Assert.Contains("Minister of Justice", card);
        Assert.Equal(("Deputy Minister", "2"), (Value(page, $"#protocol-form-{id} [name='title']"), Value(page, $"#protocol-form-{id} [name='order']")));
        Assert.Equal(nameof(ProtocolRank.DeputyMinister), ((IHtmlSelectElement)page.QuerySelector($"#protocol-form-{id} [name='rank']")!).Value);
        var saved = await app.WithDbAsync(db => db.Nominations.AsNoTracking().SingleAsync(n => n.Id == id));
        Assert.Equal(("Minister of Justice", ProtocolRank.Minister, (int?)1), (saved.Title, saved.Rank, saved.ProtocolOrder));

        // Having seen theirs, the focal point saves again: now from their version, so it is taken.
        var again = await focal.SubmitAsync(page, $"#protocol-form-{id}");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        saved = await app.WithDbAsync(db => db.Nominations.AsNoTracking().SingleAsync(n => n.Id == id));
        Assert.Equal(("Deputy Minister", ProtocolRank.DeputyMinister, (int?)2), (saved.Title, saved.Rank, saved.ProtocolOrder));
    }

    [Fact]
    public async Task A_refused_protocol_row_shows_its_own_input_and_message_and_leaves_the_nominate_form_empty()
    {
        var (invitation, focal, id) = await NomineeAsync();
        var page = await focal.GetPageAsync($"/Invitations/Delegation/{invitation.Id}");
        var max = ProtocolDetails.MaxOrder.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(max, page.QuerySelector($"#protocol-form-{id} [name='order']")!.GetAttribute("max"));
        Assert.Equal(max, page.QuerySelector("#nominate-form [name='Input.Order']")!.GetAttribute("max"));

        var tooFar = (ProtocolDetails.MaxOrder + 1).ToString(CultureInfo.InvariantCulture);
        var (response, shown) = await focal.SubmitAndFollowAsync(page, $"#protocol-form-{id}", new Dictionary<string, string>
        {
            ["title"] = "Permanent Secretary", ["order"] = tooFar,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("Permanent Secretary", tooFar), (Value(shown, $"#protocol-form-{id} [name='title']"), Value(shown, $"#protocol-form-{id} [name='order']")));
        Assert.Contains("protocol order must be from 1 to", shown.QuerySelector($"#protocol-errors-{id}")!.TextContent);
        Assert.Equal(("", ""), (Value(shown, "#nominate-form [name='Input.Title']"), Value(shown, "#nominate-form [name='Input.Order']")));
        var saved = await app.WithDbAsync(db => db.Nominations.AsNoTracking().SingleAsync(n => n.Id == id));
        Assert.Equal(("Adviser", (int?)4), (saved.Title, saved.ProtocolOrder));
    }
}
