using System.Globalization;
using System.Text;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Invitations;

namespace WeProtect.Summit.Tests.Invitations;

using WeProtect.Summit.Data.Registrations;

/// <summary>Title, honorific, rank and protocol order are set by the focal point or the organisers: a delegate sees
/// them and cannot change them, whatever they post.</summary>
public class ProtocolTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    /// <summary>Adds a field the form does not have, as a crafted post would.</summary>
    private static void Smuggle(IHtmlDocument page, string form, string name, string value)
    {
        var input = (IHtmlInputElement)page.CreateElement("input");
        input.Name = name;
        input.Value = value;
        input.Type = "hidden";
        page.QuerySelector(form)!.AppendChild(input);
    }

    [Fact]
    public async Task A_self_registering_delegate_cannot_declare_themselves_a_minister()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var (client, user) = await app.LoggedInUserAsync();
        var form = await client.GetPageAsync($"/Registration/Register/{summit.Id}");
        Assert.Null(form.QuerySelector("[name='Input.IsMinister']"));
        foreach (var (name, value) in new[] { ("Input.IsMinister", "true"), ("Input.Rank", "Minister"), ("Input.Title", "Minister"), ("Input.ProtocolOrder", "1") })
            Smuggle(form, "#registration-form", name, value);
        var response = await client.SubmitAsync(form, "#registration-form", new Dictionary<string, string>
        {
            ["Input.Position"] = "Adviser", ["Input.OrganisationId"] = organisation.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.Category"] = nameof(DelegateCategory.Delegate),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = await app.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.SummitId == summit.Id && r.UserId == user.Id));
        Assert.Equal((false, ProtocolRank.None, (string?)null, (int?)null), (row.IsMinister, row.Rank, row.Title, row.ProtocolOrder));
    }

    [Fact]
    public async Task A_nominee_sees_the_protocol_the_focal_point_set_and_cannot_change_it_or_their_delegation()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (invitation, focal) = await app.AcceptedInvitationAsync(summit.Id);
        var other = await app.CreateOrganisationAsync();
        var email = $"nominee-{Guid.NewGuid():N}@example.org";
        var nominated = await app.NominateAsync(invitation, focal, email, DelegateCategory.HeadOfDelegation,
            new ProtocolDetails("Minister of Interior", "H.E.", ProtocolRank.Minister, 2));
        Assert.True(nominated.Succeeded, nominated.Message);
        var nominee = await app.LogInAsync(await app.CreateUserAsync(email, "Jean Dupont"));
        var form = await nominee.GetPageAsync(await app.NominationLinkAsync(email));
        var details = await nominee.FollowAsync(await nominee.SubmitAsync(form, "#registration-form", new Dictionary<string, string> { ["Input.Position"] = "Minister" }));
        var registrationId = await app.WithDbAsync(db => db.Registrations.Where(r => r.SummitId == summit.Id).Select(r => r.Id).SingleAsync());

        // The delegate's edit form carries no protocol, organisation or place; a crafted post changes none of them.
        var edit = await nominee.GetPageAsync($"/Registration/Edit/{registrationId}");
        Assert.Null(edit.QuerySelector("[name='Input.OrganisationId']"));
        foreach (var (name, value) in new[]
                 {
                     ("Input.IsMinister", "false"), ("Input.Rank", "None"), ("Input.Title", "Nobody"), ("Input.Order", "99"),
                     ("Input.OrganisationId", other.Id.ToString(CultureInfo.InvariantCulture)), ("Input.Category", nameof(DelegateCategory.Observer)),
                 })
            Smuggle(edit, "#registration-form", name, value);
        var saved = await nominee.SubmitAsync(edit, "#registration-form", new Dictionary<string, string> { ["Input.Position"] = "Minister of the Interior" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var row = await app.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Id == registrationId));
        Assert.Equal("Minister of the Interior", row.Position);
        Assert.Equal((invitation.OrganisationId, DelegateCategory.HeadOfDelegation), (row.OrganisationId, row.Category));
        Assert.Equal(("Minister of Interior", "H.E.", ProtocolRank.Minister, 2, true), (row.Title, row.Honorific, row.Rank, row.ProtocolOrder, row.IsMinister));

        // The focal point changes it; the delegate sees the change.
        var focalClient = await app.LogInAsync(focal);
        var delegation = await focalClient.GetPageAsync($"/Invitations/Delegation/{invitation.Id}");
        delegation.QuerySelector(".protocol-form")!.Id = "protocol-0";
        var changed = await focalClient.SubmitAsync(delegation, "#protocol-0", new Dictionary<string, string>
        {
            ["title"] = "Deputy Minister of Interior", ["rank"] = nameof(ProtocolRank.DeputyMinister), ["order"] = "3",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var page = await nominee.GetPageAsync($"/Registration/Details/{registrationId}");
        Assert.Contains("Deputy Minister of Interior", page.QuerySelector("#protocol")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registrationId).Select(r => r.IsMinister).SingleAsync()));
        Assert.Null(page.QuerySelector("[name='Input.Rank']"));
    }

    [Fact]
    public async Task Organisers_set_any_registrations_rank_and_the_minister_flag_follows()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync();
        var registration = await app.RegisterAsync(user, summit.Id, organisation.Id);
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        // Reached from the registration's row in the vetting queue.
        var queue = await organiser.GetPageAsync($"/Registration/Manage/{summit.Id}");
        var link = queue.QuerySelector($"tr[data-id='{registration.Id}'] a.protocol-link")!.GetAttribute("href");
        Assert.Equal($"/Invitations/Manage/Protocol/{summit.Id}/{registration.Id}", link);
        var page = await organiser.GetPageAsync(link!);
        var bad = await organiser.SubmitAndFollowAsync(page, "#protocol-form", new Dictionary<string, string> { ["Input.Order"] = "0" });
        Assert.Contains("protocol order must be", bad.Page.QuerySelector("main")!.TextContent);
        var ok = await organiser.SubmitAsync(page, "#protocol-form", new Dictionary<string, string> { ["Input.Rank"] = nameof(ProtocolRank.HeadOfGovernment), ["Input.Honorific"] = "H.E." });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var row = await app.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Id == registration.Id));
        Assert.Equal((true, ProtocolRank.HeadOfGovernment), (row.IsMinister, row.Rank));
        // A plain user may not open the organisers' protocol page.
        using var plain = await app.LogInAsync(user);
        var denied = await plain.GetAsync($"/Invitations/Manage/Protocol/{summit.Id}/{registration.Id}");
        Assert.True(denied.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect);

        // A second organiser's page opened before that save: refused, theirs shown beside what was typed, and the
        // next save (having seen it) goes through.
        var (response, stale) = await organiser.SubmitAndFollowAsync(page, "#protocol-form", new Dictionary<string, string>
            { ["Input.Rank"] = nameof(ProtocolRank.Ambassador), ["Input.Title"] = "Ambassador to Ethiopia" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed", stale.QuerySelector("main")!.TextContent);
        Assert.Contains("H.E.", stale.QuerySelector("#protocol-theirs")!.TextContent);
        Assert.Equal("Ambassador to Ethiopia", ((AngleSharp.Html.Dom.IHtmlInputElement)stale.QuerySelector("#Input_Title")!).Value);
        Assert.Equal(ProtocolRank.HeadOfGovernment, await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.Rank).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync(stale, "#protocol-form")).StatusCode);
        Assert.Equal(ProtocolRank.Ambassador, await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.Rank).SingleAsync()));
    }
}
