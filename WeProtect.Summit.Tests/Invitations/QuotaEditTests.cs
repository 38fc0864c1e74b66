using System.Globalization;
using AngleSharp.Html.Dom;

namespace WeProtect.Summit.Tests.Invitations;

using WeProtect.Summit.Data.Registrations;

/// <summary>The quotas page under its version token: two organisers saving the same quota from the same page, the
/// second is told someone else changed it and nothing of theirs is saved; a quota cannot go below what the focal point
/// has nominated, and the message gives both numbers.</summary>
public class QuotaEditTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Errors(IHtmlDocument page) => page.QuerySelector(".validation-summary-errors")?.TextContent ?? "";

    private Task<DelegationQuota> QuotaAsync(int summitId, int organisationId) =>
        app.WithDbAsync(db => db.DelegationQuotas.AsNoTracking().SingleAsync(q => q.SummitId == summitId && q.OrganisationId == organisationId));

    [Fact]
    public async Task Two_organisers_saving_the_same_quota_the_second_is_told_and_nothing_of_theirs_is_saved()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (invitation, _) = await app.AcceptedInvitationAsync(summit.Id, heads: 1, delegates: 2);
        var quota = await QuotaAsync(summit.Id, invitation.OrganisationId);
        var first = await app.LoggedInClientAsync(Roles.Organiser);
        var second = await app.LoggedInClientAsync(Roles.Organiser);
        var url = $"/Registration/Manage/Quotas/{summit.Id}";
        var firstPage = await first.GetPageAsync(url);
        var secondPage = await second.GetPageAsync(url);

        var (_, saved) = await first.SubmitAndFollowAsync(firstPage, $"#quota-save-{quota.Id}", new Dictionary<string, string> { ["delegates"] = "5" });
        Assert.Contains("may now send 1 head of delegation and 5 delegates", saved.QuerySelector("main")!.TextContent);
        var late = await second.SubmitAsync(secondPage, $"#quota-save-{quota.Id}", new Dictionary<string, string> { ["delegates"] = "3" });

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("Someone else changed", Errors(await FormClient.ParseAsync(late)));
        Assert.Equal(5, (await QuotaAsync(summit.Id, invitation.OrganisationId)).Delegates);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "quota.changed" && e.SubjectId == quota.Id.ToString(CultureInfo.InvariantCulture))));

        // Reloaded, the second organiser's change goes through.
        var (_, reloaded) = await second.SubmitAndFollowAsync(await second.GetPageAsync(url), $"#quota-save-{quota.Id}", new Dictionary<string, string> { ["delegates"] = "3" });
        Assert.Equal("0 / 3", reloaded.QuerySelector($"#quotas-table tr[data-id='{quota.Id}'] .delegates")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_quota_cannot_be_lowered_below_what_is_nominated_and_the_message_gives_the_numbers()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (invitation, focal) = await app.AcceptedInvitationAsync(summit.Id, heads: 1, delegates: 3);
        foreach (var i in Enumerable.Range(0, 2))
            Assert.True((await app.NominateAsync(invitation, focal, $"nominee-{i}-{Guid.NewGuid():N}@example.org")).Succeeded);
        var quota = await QuotaAsync(summit.Id, invitation.OrganisationId);
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Registration/Manage/Quotas/{summit.Id}");
        Assert.Contains("2 nominations", page.QuerySelector($"#quotas-table tr[data-id='{quota.Id}'] .nominated-delegates")!.TextContent);

        var lowered = await organiser.SubmitAsync(page, $"#quota-save-{quota.Id}", new Dictionary<string, string> { ["delegates"] = "1" });

        Assert.Equal(HttpStatusCode.OK, lowered.StatusCode);
        Assert.Contains("2 delegates are already nominated: the quota cannot be lowered to 1.", Errors(await FormClient.ParseAsync(lowered)));
        Assert.Equal(3, (await QuotaAsync(summit.Id, invitation.OrganisationId)).Delegates);
        // Down to what is nominated is fine.
        var (_, two) = await organiser.SubmitAndFollowAsync(page, $"#quota-save-{quota.Id}", new Dictionary<string, string> { ["delegates"] = "2" });
        Assert.Equal(2, (await QuotaAsync(summit.Id, invitation.OrganisationId)).Delegates);
        Assert.Contains("2 delegates", two.QuerySelector("main")!.TextContent);

        // A negative number is said once, as out of range, not also as lower than what is nominated.
        var negative = Errors(await FormClient.ParseAsync(await organiser.SubmitAsync(await organiser.GetPageAsync($"/Registration/Manage/Quotas/{summit.Id}"),
            $"#quota-save-{quota.Id}", new Dictionary<string, string> { ["delegates"] = "-1" })));
        Assert.Contains("Delegates must be from 0 to 1,000.", negative);
        Assert.DoesNotContain("already nominated", negative);
    }
}
