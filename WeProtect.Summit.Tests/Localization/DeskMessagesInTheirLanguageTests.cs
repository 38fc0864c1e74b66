using AngleSharp.Html.Dom;

namespace WeProtect.Summit.Tests.Localization;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also a namespace of the tests

/// <summary>A desk's answer built with values (a name, an organisation) reaches the page in the reader's language with
/// the values in it, through HTTP: the template is the key, the values are filled in after translating it, and a value
/// that is itself a desk text ("{0}'s quota" inside a conflict) is translated too.</summary>
public class DeskMessagesInTheirLanguageTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Errors(IHtmlDocument page) => page.QuerySelector(".validation-summary-errors")?.TextContent ?? "";

    [Fact]
    public async Task A_refused_undo_of_a_check_in_reaches_a_French_organiser_in_French_with_the_name_in_it()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var registration = await app.RegisterAsync(await app.CreateUserAsync(fullName: "Ana Maria Lima"), summit.Id, organisation.Id, DelegateCategory.HeadOfDelegation);
        Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
        using var desk = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "fr");

        var found = await desk.GetPageAsync($"/Registration/Manage/CheckIn/{summit.Id}?q=Lima");
        var (_, checkedIn) = await desk.SubmitAndFollowAsync(found, $"#checkin-matches li[data-id='{registration.Id}'] form");
        var (_, undone) = await desk.SubmitAndFollowAsync(checkedIn, "form#checkin-undo");
        Assert.Equal("Enregistrement de l'arrivée annulé : Ana Maria Lima.", undone.QuerySelector("#checkin-undo-message")?.TextContent.Trim());

        // The same button again, from the page before the undo: refused, in French, with the name.
        var (_, again) = await desk.SubmitAndFollowAsync(checkedIn, "form#checkin-undo");
        Assert.Equal("Aucune arrivée n'est enregistrée pour Ana Maria Lima.", again.QuerySelector("#checkin-undo-message")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_quota_conflict_reaches_an_Arabic_organiser_in_Arabic_with_the_organisation_in_it()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (invitation, _) = await app.AcceptedInvitationAsync(summit.Id, heads: 1, delegates: 2);
        var (quotaId, name) = await app.WithDbAsync(db => db.DelegationQuotas.Where(q => q.SummitId == summit.Id && q.OrganisationId == invitation.OrganisationId)
            .Select(q => new { q.Id, q.Organisation.FormalName }).SingleAsync().ContinueWith(t => (t.Result.Id, t.Result.FormalName)));
        using var first = await app.LoggedInClientAsync(Roles.Organiser);
        using var second = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "ar");
        var url = $"/Registration/Manage/Quotas/{summit.Id}";
        var secondPage = await second.GetPageAsync(url);
        await first.SubmitAndFollowAsync(await first.GetPageAsync(url), $"#quota-save-{quotaId}", new Dictionary<string, string> { ["delegates"] = "5" });

        var late = await FormClient.ParseAsync(await second.SubmitAsync(secondPage, $"#quota-save-{quotaId}", new Dictionary<string, string> { ["delegates"] = "3" }));
        var said = Errors(late);
        Assert.Contains($"عدّل شخص آخر حصة {name} في هذه الأثناء", said);
        Assert.Contains("لم يُحفظ أي شيء.", said);
        Assert.DoesNotContain("Someone else", said);
        Assert.DoesNotContain("quota", said);
    }
}
