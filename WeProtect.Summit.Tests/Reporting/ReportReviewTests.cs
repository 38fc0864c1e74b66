using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Tests.Reporting;

/// <summary>The secretariat reads a submission, asks a clarification (a note the focal point sees and an e-mail) or
/// accepts it; a stale form or a superseded submission is refused, never overwritten.</summary>
public class ReportReviewTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Status(IHtmlDocument page) => page.QuerySelector("[role=status]")?.TextContent.Trim() ?? "";
    private static string Errors(IHtmlDocument page) => page.QuerySelector(".alert-danger")?.TextContent ?? "";

    [Fact]
    public async Task A_clarification_reaches_the_focal_point_by_page_and_mail_and_the_answering_submission_is_accepted()
    {
        var organisation = await app.OrganisationAsync();
        var (_, cycle) = await app.CycleOnNewStatementAsync(organisation);
        var (focalUser, focal, key) = await app.FocalPointAsync(organisation.Id, fullName: "Reviewed Focal");
        var url = ReportingData.ReportUrl(cycle.Id, organisation.Id);
        var (_, submitted) = await focal.SubmitAndFollowAsync(await focal.GetPageAsync(url), "form#report-form",
            ReportingData.Entry(0, CommitmentStatus.InProgress, "A law is drafted").With(new() { ["Input.Code"] = app.TotpCode(key!) }), submitter: "#submit");
        Assert.Contains("Submitted", Status(submitted));
        var first = Assert.Single(await app.ReportsAsync(cycle.Id, organisation.Id));
        Assert.Equal(ReportReview.Unread, first.Review);

        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var cyclePage = await organiser.GetPageAsync($"/Reporting/Manage/Cycle/{cycle.Id}");
        var link = cyclePage.QuerySelector($"#organisation-{organisation.Id} a.review-link")!;
        Assert.Contains("Not yet read", link.TextContent);
        var review = await organiser.GetPageAsync(link.GetAttribute("href")!);
        Assert.Contains("A law is drafted", review.QuerySelector($"#entry-{first.Entries[0].StatementId}-all-1")!.TextContent);
        Assert.Equal(first.ContentHash, review.QuerySelector("#facts code")!.TextContent);

        // A clarification needs a question: the page says so and nothing is recorded.
        var empty = await FormClient.ParseAsync(await organiser.SubmitAsync(review, "form#review-form", new Dictionary<string, string> { ["Input.Note"] = " " }, submitter: "#clarify"));
        Assert.Contains("Write the question", Errors(empty));
        Assert.Equal(ReportReview.Unread, (await app.ReportsAsync(cycle.Id, organisation.Id)).Single().Review);

        var (_, asked) = await organiser.SubmitAndFollowAsync(review, "form#review-form", new Dictionary<string, string> { ["Input.Note"] = "Which law, and when is it debated?" }, submitter: "#clarify");
        Assert.Contains("Clarification asked", Status(asked));
        var reviewed = (await app.ReportsAsync(cycle.Id, organisation.Id)).Single();
        Assert.Equal(ReportReview.ClarificationAsked, reviewed.Review);
        Assert.Equal("Which law, and when is it debated?", reviewed.ReviewNote);
        Assert.Equal(app.UtcNow, reviewed.ReviewedUtc!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Contains("progress-report.clarification-asked", await app.AuditActionsAsync(nameof(ProgressReport), reviewed.Id));
        var notification = await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .SingleAsync(n => n.Kind == NotificationKinds.ReportingClarification && n.SubjectId == reviewed.Id));
        Assert.Equal(focalUser.Id, notification.RecipientUserId);
        var mail = await app.WaitForMailAsync(m => m.To.ToString().Contains(focalUser.Email!) && (m.Subject ?? "").Contains("A question on"));
        Assert.Contains("Which law, and when is it debated?", mail.TextBody);

        var seen = await focal.GetPageAsync(url);
        Assert.Contains("Which law, and when is it debated?", seen.QuerySelector("#clarification")!.TextContent);

        // The first review page is stale now: its token is refused, the clarification stays.
        var stale = await FormClient.ParseAsync(await organiser.SubmitAsync(review, "form#review-form", new Dictionary<string, string> { ["Input.Note"] = "" }, submitter: "#accept"));
        Assert.Contains("Someone else changed", Errors(stale));
        Assert.Equal(ReportReview.ClarificationAsked, (await app.ReportsAsync(cycle.Id, organisation.Id)).Single().Review);

        // The focal point answers with a new submission; the old one can no longer be reviewed.
        var oldReview = await organiser.GetPageAsync($"/Reporting/Manage/Review/{reviewed.Id}");
        var (_, saved) = await focal.SubmitAndFollowAsync(seen, "form#report-form", ReportingData.Entry(0, CommitmentStatus.InProgress, "The Online Safety Bill, debated in March"));
        app.Clock.Advance(TimeSpan.FromSeconds(30)); // the next authenticator code
        var (_, resubmitted) = await focal.SubmitAndFollowAsync(saved, "form#report-form", new Dictionary<string, string> { ["Input.Code"] = app.TotpCode(key!) }, submitter: "#submit");
        Assert.Contains("Submitted: submission 2", Status(resubmitted));
        var tooLate = await FormClient.ParseAsync(await organiser.SubmitAsync(oldReview, "form#review-form", new Dictionary<string, string> { ["Input.Note"] = "" }, submitter: "#accept"));
        Assert.Contains("superseded", Errors(tooLate));
        Assert.Null((await organiser.GetPageAsync($"/Reporting/Manage/Review/{reviewed.Id}")).QuerySelector("form#review-form"));

        var reports = await app.ReportsAsync(cycle.Id, organisation.Id);
        Assert.Equal([ReportReview.ClarificationAsked, ReportReview.Unread], reports.Select(r => r.Review));
        var (_, accepted) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Reporting/Manage/Review/{reports[1].Id}"), "form#review-form",
            new Dictionary<string, string> { ["Input.Note"] = "" }, submitter: "#accept");
        Assert.Contains("Report accepted.", Status(accepted));
        Assert.Equal(ReportReview.Accepted, (await app.ReportsAsync(cycle.Id, organisation.Id))[1].Review);
        Assert.Contains("progress-report.accepted", await app.AuditActionsAsync(nameof(ProgressReport), reports[1].Id));
        Assert.NotNull((await focal.GetPageAsync(url)).QuerySelector("#accepted"));
        Assert.Single(await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKinds.ReportingClarification).ToListAsync()),
            n => n.RecipientUserId == focalUser.Id);
    }

    /// <summary>Past the deadline no submission can answer a clarification: the page offers only accepting, and a
    /// clarification posted anyway (an old form) is refused, nothing recorded and nobody written to.</summary>
    [Fact]
    public async Task After_the_deadline_a_report_can_be_accepted_but_no_clarification_asked()
    {
        var organisation = await app.OrganisationAsync();
        var (_, cycle) = await app.CycleOnNewStatementAsync(organisation);
        var (_, focal, key) = await app.FocalPointAsync(organisation.Id, fullName: "Late Focal");
        await focal.SubmitAndFollowAsync(await focal.GetPageAsync(ReportingData.ReportUrl(cycle.Id, organisation.Id)), "form#report-form",
            ReportingData.Entry(0, CommitmentStatus.Achieved, "Done").With(new() { ["Input.Code"] = app.TotpCode(key!) }), submitter: "#submit");
        var report = Assert.Single(await app.ReportsAsync(cycle.Id, organisation.Id));
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var before = await organiser.GetPageAsync($"/Reporting/Manage/Review/{report.Id}");
        Assert.NotNull(before.QuerySelector("#clarify"));

        app.Clock.Advance(cycle.DeadlineUtc - app.UtcNow + TimeSpan.FromMinutes(1));
        using var later = await app.LoggedInClientAsync(Roles.Organiser); // the sign-in expired with the week
        var after = await later.GetPageAsync($"/Reporting/Manage/Review/{report.Id}");
        Assert.Null(after.QuerySelector("#clarify"));
        Assert.Contains("could not be answered", after.QuerySelector("#clarify-closed")!.TextContent);
        // The button an older page had, posted anyway.
        var accept = after.QuerySelector("#accept")!;
        var clarify = (AngleSharp.Dom.IElement)accept.Clone();
        clarify.Id = "clarify";
        clarify.SetAttribute("formaction", accept.GetAttribute("formaction")!.Replace("Accept", "Clarify", StringComparison.Ordinal));
        accept.Parent!.AppendChild(clarify);
        var (_, refused) = await later.SubmitAndFollowAsync(after, "form#review-form",
            new Dictionary<string, string> { ["Input.Note"] = "Which law?" }, submitter: "#clarify");
        Assert.Contains("could not be answered", refused.QuerySelector("main")!.TextContent);
        Assert.Equal(ReportReview.Unread, (await app.ReportsAsync(cycle.Id, organisation.Id)).Single().Review);
        Assert.Empty(await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKinds.ReportingClarification && n.SubjectId == report.Id).ToListAsync()));

        var (_, accepted) = await later.SubmitAndFollowAsync(await later.GetPageAsync($"/Reporting/Manage/Review/{report.Id}"), "form#review-form",
            new Dictionary<string, string> { ["Input.Note"] = "" }, submitter: "#accept");
        Assert.Contains("Report accepted.", Status(accepted));
    }

    [Fact]
    public async Task A_draft_is_not_reviewable_and_a_review_of_another_page_is_not_found()
    {
        var organisation = await app.OrganisationAsync();
        var (_, cycle) = await app.CycleOnNewStatementAsync(organisation);
        var (_, focal, _) = await app.FocalPointAsync(organisation.Id, twoFactor: false);
        await focal.SubmitAndFollowAsync(await focal.GetPageAsync(ReportingData.ReportUrl(cycle.Id, organisation.Id)), "form#report-form",
            ReportingData.Entry(0, CommitmentStatus.Achieved));
        var draft = Assert.Single(await app.ReportsAsync(cycle.Id, organisation.Id));
        Assert.Equal(ProgressReportStatus.Draft, draft.Status);
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync($"/Reporting/Manage/Review/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync("/Reporting/Manage/Review/987654")).StatusCode);
    }
}
