using System.Globalization;
using System.Text;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Tests.Invitations;

/// <summary>An invitation whose quota is 0 heads of delegation and 0 delegates would let its focal point nominate
/// nobody: the desk refuses it, by the form and by file, with a message that says why; nothing is sent.</summary>
public class EmptyQuotaTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Text(IHtmlDocument page) => page.QuerySelector("main")!.TextContent;

    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    [Fact]
    public async Task The_form_refuses_a_quota_of_no_place_and_sends_nothing()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var email = NewEmail("empty");
        var page = await organiser.GetPageAsync($"/Invitations/Manage/{summit.Id}");

        var (_, shown) = await organiser.SubmitAndFollowAsync(page, "#invite-form", new Dictionary<string, string>
        {
            ["Input.OrganisationId"] = organisation.Id.ToString(CultureInfo.InvariantCulture), ["Input.Email"] = email,
            ["Input.Heads"] = "0", ["Input.Delegates"] = "0",
        });

        Assert.Contains("a quota of 0 heads of delegation and 0 delegates lets its focal point nominate nobody", Text(shown));
        Assert.False(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.SummitId == summit.Id)));
        Assert.False(await app.WithDbAsync(db => db.DelegationQuotas.AnyAsync(q => q.SummitId == summit.Id)));
        await Task.Delay(300);
        Assert.DoesNotContain(app.SentMail(), m => m.To.ToString().Contains(email));

        // One place is enough.
        await organiser.InviteAsync(summit.Id, organisation.Id, email, heads: 0, delegates: 1);
        Assert.True(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.SummitId == summit.Id)));
    }

    [Fact]
    public async Task A_file_line_leaving_a_quota_of_no_place_is_listed_and_nothing_is_sent()
    {
        var summit = await app.CreateOpenSummitAsync();
        var empty = await app.CreateOrganisationAsync();
        var fine = await app.CreateOrganisationAsync();
        // Its quota was set to no place earlier (the quotas page allows it); a line without a quota keeps it.
        await app.WithDbAsync(db =>
        {
            db.DelegationQuotas.Add(new DelegationQuota { SummitId = summit.Id, OrganisationId = empty.Id, HeadsOfDelegation = 0, Delegates = 0 });
            return db.SaveChangesAsync();
        });
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Invitations/Manage/{summit.Id}");
        var file = $"organisation,email,quota\n{fine.Id},{NewEmail("fine")},2\n{empty.Id},{NewEmail("empty")},\n";

        var (_, shown) = await organiser.SubmitAndFollowAsync(page, "#upload-form", files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("invitations.csv", Encoding.UTF8.GetBytes(file)) });

        var error = Assert.Single(shown.QuerySelectorAll("#file-errors li").Select(li => li.TextContent));
        Assert.StartsWith("Line 3:", error);
        Assert.Contains("nominate nobody", error);
        Assert.False(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.SummitId == summit.Id)));
        Assert.False(await app.WithDbAsync(db => db.DelegationQuotas.AnyAsync(q => q.OrganisationId == fine.Id)));
    }
}
