using System.Globalization;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Organisations;

/// <summary>Correcting the day a membership began in the register: organisers do it on the organisation's register page
/// with a reason; the audit event keeps the old and the new day; a day in the future, on or after the day it left, or
/// before its previous period ended is refused in the page and nothing changes; others may not.</summary>
public class JoiningCorrectionTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Status(IHtmlDocument page) => page.QuerySelector("[role=status]")?.TextContent.Trim() ?? "";
    private static string Errors(IHtmlDocument page) => page.QuerySelector(".alert-danger")?.TextContent ?? "";
    private static string Url(int organisationId) => $"/Organisations/Manage/Membership/{organisationId}";

    private async Task<IHtmlDocument> SubmitAsync(FormClient client, int organisationId, string form, Dictionary<string, string> values)
    {
        var (_, page) = await client.SubmitAndFollowAsync(await client.GetPageAsync(Url(organisationId)), form, values);
        return page;
    }

    private Task<IHtmlDocument> CorrectAsync(FormClient client, int organisationId, int membershipId, string day, string reason) =>
        SubmitAsync(client, organisationId, "form#correct-form",
            new Dictionary<string, string> { ["Correct.MembershipId"] = membershipId.ToString(CultureInfo.InvariantCulture), ["Correct.JoinedOn"] = day, ["Correct.Reason"] = reason });

    private Task<List<Membership>> PeriodsAsync(int organisationId) =>
        app.WithDbAsync(db => db.Memberships.AsNoTracking().Where(m => m.OrganisationId == organisationId).OrderBy(m => m.JoinedOn).ToListAsync());

    [Fact]
    public async Task An_organiser_corrects_a_joining_date_with_a_reason_and_the_audit_event_keeps_both_dates()
    {
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var organisation = await app.OrganisationAsync(Sector.Government);
        await SubmitAsync(organiser, organisation.Id, "form#join-form", new Dictionary<string, string> { ["Join.JoinedOn"] = "2019-12-11" });
        var period = Assert.Single(await PeriodsAsync(organisation.Id));

        var corrected = await CorrectAsync(organiser, organisation.Id, period.Id, "2018-05-02", "Letter of accession dated 2 May 2018");
        Assert.Contains("joined the Alliance on 2 May 2018 (corrected from 11 December 2019)", Status(corrected));
        var joinedCell = corrected.QuerySelector("#periods tbody tr td")!;
        Assert.StartsWith("2 May 2018", joinedCell.TextContent.Trim());
        // The register itself says it was corrected, from what and why (not only the audit trail).
        Assert.Equal($"Corrected from 11 December 2019 on {app.UtcNow.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}: Letter of accession dated 2 May 2018",
            joinedCell.QuerySelector(".joining-correction")!.TextContent.Trim());
        Assert.Equal(new DateOnly(2018, 5, 2), Assert.Single(await PeriodsAsync(organisation.Id)).JoinedOn);

        Assert.Equal(["membership.joined", "membership.joining-corrected"], await app.AuditActionsAsync(nameof(Membership), period.Id));
        var summary = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.SubjectType == nameof(Membership) && e.SubjectId == period.Id.ToString() && e.Action == "membership.joining-corrected").Select(e => e.Summary).SingleAsync());
        Assert.Contains("from 2019-12-11 to 2018-05-02", summary);
        Assert.Contains("Letter of accession dated 2 May 2018", summary);
        // The directory's "member since" reads the register.
        var directory = await app.CreateFormClient().GetPageAsync("/Organisations?after-the-correction");
        Assert.Equal("2018", directory.QuerySelectorAll("#directory-table tbody tr").Single(r => r.TextContent.Contains(organisation.FormalName))
            .QuerySelectorAll("td")[3].TextContent.Trim());
    }

    [Fact]
    public async Task A_future_day_a_day_after_leaving_a_day_inside_the_previous_period_or_no_reason_is_refused_and_nothing_changes()
    {
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var organisation = await app.OrganisationAsync(Sector.CivilSociety);
        await SubmitAsync(organiser, organisation.Id, "form#join-form", new Dictionary<string, string> { ["Join.JoinedOn"] = "2016-01-01" });
        await SubmitAsync(organiser, organisation.Id, "form#leave-form", new Dictionary<string, string> { ["Leave.LeftOn"] = "2018-03-01", ["Leave.Reason"] = "Withdrew" });
        await SubmitAsync(organiser, organisation.Id, "form#join-form", new Dictionary<string, string> { ["Join.JoinedOn"] = "2021-06-30" });
        var periods = await PeriodsAsync(organisation.Id);
        var (first, second) = (periods[0], periods[1]);
        var events = await app.WithDbAsync(db => db.AuditEvents.CountAsync());

        var future = DateOnly.FromDateTime(app.UtcNow).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains("the date is in the future", Errors(await CorrectAsync(organiser, organisation.Id, second.Id, future, "Typo")));
        Assert.Contains("The day it joined must come before the day it left (1 March 2018)", Errors(await CorrectAsync(organiser, organisation.Id, first.Id, "2018-03-01", "Typo")));
        Assert.Contains("The day it joined must come before the day it left (1 March 2018)", Errors(await CorrectAsync(organiser, organisation.Id, first.Id, "2019-01-01", "Typo")));
        Assert.Contains("Its previous membership ended on 1 March 2018", Errors(await CorrectAsync(organiser, organisation.Id, second.Id, "2017-12-31", "Typo")));
        Assert.Contains("Give the reason for the correction", Errors(await CorrectAsync(organiser, organisation.Id, second.Id, "2021-07-01", "  ")));
        Assert.Contains("Give the day it joined", Errors(await CorrectAsync(organiser, organisation.Id, second.Id, "", "Typo")));
        Assert.Contains("starts in 2014", Errors(await CorrectAsync(organiser, organisation.Id, first.Id, "2013-01-01", "Typo")));
        Assert.Equal(periods.Select(p => (p.Id, p.JoinedOn, p.LeftOn)), (await PeriodsAsync(organisation.Id)).Select(p => (p.Id, p.JoinedOn, p.LeftOn)));
        Assert.Equal(events, await app.WithDbAsync(db => db.AuditEvents.CountAsync()));

        // The day the previous period ended is the earliest the next may begin.
        Assert.Contains("corrected from 30 June 2021", Status(await CorrectAsync(organiser, organisation.Id, second.Id, "2018-03-01", "Rejoined the day it left")));
        // Another organisation's period is not this organisation's to correct.
        var other = await app.OrganisationAsync(Sector.CivilSociety);
        var form = await organiser.GetPageAsync(Url(organisation.Id));
        form.QuerySelector("form#correct-form")!.SetAttribute("action", Url(other.Id) + "/Correct");
        var wrong = await organiser.SubmitAsync(form, "form#correct-form",
            new Dictionary<string, string> { ["Correct.MembershipId"] = first.Id.ToString(CultureInfo.InvariantCulture), ["Correct.JoinedOn"] = "2016-01-02", ["Correct.Reason"] = "Typo" });
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(new DateOnly(2016, 1, 1), (await PeriodsAsync(organisation.Id))[0].JoinedOn);
    }

    [Fact]
    public async Task A_delegate_may_neither_open_the_register_page_nor_post_a_correction()
    {
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var organisation = await app.OrganisationAsync(Sector.PrivateSector);
        await SubmitAsync(organiser, organisation.Id, "form#join-form", new Dictionary<string, string> { ["Join.JoinedOn"] = "2020-02-02" });
        var period = Assert.Single(await PeriodsAsync(organisation.Id));
        var page = await organiser.GetPageAsync(Url(organisation.Id));

        var delegateClient = await app.LoggedInClientAsync();
        var denied = await delegateClient.GetAsync(Url(organisation.Id));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
        var post = await delegateClient.SubmitAsync(page, "form#correct-form",
            new Dictionary<string, string> { ["Correct.MembershipId"] = period.Id.ToString(CultureInfo.InvariantCulture), ["Correct.JoinedOn"] = "2019-02-02", ["Correct.Reason"] = "Typo" });
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", post.Headers.Location!.PathAndQuery);
        Assert.Equal(new DateOnly(2020, 2, 2), Assert.Single(await PeriodsAsync(organisation.Id)).JoinedOn);
    }
}
