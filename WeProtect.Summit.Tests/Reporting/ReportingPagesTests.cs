using System.Globalization;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Tests.Reporting;

/// <summary>The reporting flows over HTTP: focal points granted and revoked, cycles opened in the summit's zone,
/// drafts (plain and htmx), submission with a fresh code, supersession, conflicts, progress, reminders, CSV.</summary>
public class ReportingPagesTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    // The status line, done or refused (a refusal is role="alert").
    private static string Status(IHtmlDocument page) => page.QuerySelector("#status")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task An_organiser_grants_a_focal_point_who_may_then_open_the_report_and_revokes_it_after_which_the_page_is_forbidden()
    {
        var organisation = await app.OrganisationAsync();
        var (_, cycle) = await app.CycleOnNewStatementAsync(organisation);
        var user = await app.CreateUserAsync(fullName: "Fiona Focal");
        var focal = await app.LogInAsync(user);
        var url = ReportingData.ReportUrl(cycle.Id, organisation.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.GetAsync(url)).StatusCode);

        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var manage = await organiser.GetPageAsync("/Reporting/Manage");
        var (_, granted) = await organiser.SubmitAndFollowAsync(manage, "form#grant-form", new Dictionary<string, string>
        {
            ["Grant.Email"] = user.Email!, ["Grant.OrganisationId"] = organisation.Id.ToString(),
        });
        Assert.Contains("Fiona Focal is now a reporting focal point", Status(granted));
        var focalPoint = await app.WithDbAsync(db => db.ReportingFocalPoints.AsNoTracking().SingleAsync(f => f.UserId == user.Id));
        Assert.Equal(["reporting-focal-point.granted"], await app.AuditActionsAsync(nameof(ReportingFocalPoint), focalPoint.Id));

        // No two-factor authentication is needed to open the report and draft.
        var report = await focal.GetPageAsync(url);
        Assert.NotNull(report.QuerySelector("form#report-form"));
        Assert.NotNull(report.QuerySelector("#needs-two-factor"));
        // It points to the profile's page by the name that page and its link have.
        var pointer = report.QuerySelector("#needs-two-factor a")!;
        Assert.Equal("/Profile/TwoFactor", pointer.GetAttribute("href"));
        Assert.Equal(WeProtect.Summit.Data.Vocabulary.Words.TwoStepVerificationPlace, pointer.TextContent.Trim());
        var profile = await focal.GetPageAsync("/Profile");
        Assert.Equal(WeProtect.Summit.Data.Vocabulary.Words.TwoStepVerification, profile.QuerySelector("#two-factor-link")!.TextContent.Trim());

        var again = await organiser.GetPageAsync("/Reporting/Manage");
        var refused = await organiser.SubmitAndFollowAsync(again, $"form#revoke-form-{focalPoint.Id}", new Dictionary<string, string> { ["Reason"] = "" });
        Assert.Contains("Give a reason", refused.Page.QuerySelector(".alert-danger")?.TextContent ?? "");
        var (_, revoked) = await organiser.SubmitAndFollowAsync(again, $"form#revoke-form-{focalPoint.Id}", new Dictionary<string, string> { ["Reason"] = "Left the ministry" });
        Assert.Contains("revoked", Status(revoked));
        Assert.Equal(["reporting-focal-point.granted", "reporting-focal-point.revoked"], await app.AuditActionsAsync(nameof(ReportingFocalPoint), focalPoint.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.GetAsync(url)).StatusCode);
        var post = await focal.SubmitAsync(report, "form#report-form", ReportingData.Entry(0, CommitmentStatus.Achieved));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task An_organiser_opens_a_cycle_whose_window_is_read_in_the_summits_time_zone_and_the_deadline_closes_the_report()
    {
        var organisation = await app.OrganisationAsync();
        var statement = await app.PublishedStatementAsync([organisation]);
        var summit = await app.WithDbAsync(db => db.Summits.AsNoTracking().FirstAsync(s => s.Id == statement.SummitId));
        Assert.Equal("Asia/Dubai", summit.TimeZoneId);
        // Whole minutes, as a datetime-local field gives them; within the sign-in cookie's eight hours of the fake clock.
        var deadlineUtc = new DateTime(app.UtcNow.Ticks - app.UtcNow.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc).AddMinutes(30);
        var opensUtc = deadlineUtc.AddDays(-3);
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var manage = await organiser.GetPageAsync("/Reporting/Manage");
        var title = $"Biennial {Guid.NewGuid():N}"[..20];
        var (_, cyclePage) = await organiser.SubmitAndFollowAsync(manage, "form#open-form", new Dictionary<string, string>
        {
            ["Cycle.Title"] = title, ["Cycle.SummitId"] = summit.Id.ToString(), ["Cycle.StatementIds"] = statement.Id.ToString(),
            ["Cycle.Opens"] = summit.ToLocal(opensUtc).ToString("yyyy-MM-ddTHH:mm"), ["Cycle.Deadline"] = summit.ToLocal(deadlineUtc).ToString("yyyy-MM-ddTHH:mm"),
        });
        Assert.Contains("opened", Status(cyclePage));
        var cycle = await app.WithDbAsync(db => db.ReportingCycles.AsNoTracking().SingleAsync(c => c.Title == title));
        Assert.Equal(deadlineUtc, cycle.DeadlineUtc);
        Assert.Equal(opensUtc, cycle.OpensUtc);
        Assert.Equal(deadlineUtc.AddHours(4), summit.ToLocal(cycle.DeadlineUtc)); // Dubai: UTC+4, no daylight saving
        Assert.Contains(summit.ToLocal(deadlineUtc).ToString("HH:mm"), cyclePage.QuerySelector("main")!.TextContent);

        var (_, focal, _) = await app.FocalPointAsync(organisation.Id, twoFactor: false);
        var url = ReportingData.ReportUrl(cycle.Id, organisation.Id);
        var report = await focal.GetPageAsync(url);
        app.Clock.SetUtcNow(deadlineUtc.AddMinutes(1));
        var late = await focal.SubmitAndFollowAsync(report, "form#report-form", ReportingData.Entry(0, CommitmentStatus.Achieved));
        Assert.Contains("deadline of this reporting cycle passed", late.Page.QuerySelector(".alert-danger")?.TextContent ?? "");
        Assert.Empty(await app.ReportsAsync(cycle.Id, organisation.Id));
        Assert.NotNull((await focal.GetPageAsync(url)).QuerySelector("#closed"));
    }

    [Fact]
    public async Task A_cycle_on_an_unpublished_statement_or_with_a_deadline_before_it_opens_is_refused_with_messages()
    {
        var (statement, _) = await app.OpenStatementAsync();
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var manage = await organiser.GetPageAsync("/Reporting/Manage");
        Assert.Null(manage.QuerySelector($"#statement-{statement.Id}"));
        var form = (IHtmlFormElement)manage.QuerySelector("form#open-form")!;
        var hidden = (IHtmlInputElement)manage.CreateElement("input");
        hidden.Type = "hidden";
        hidden.Name = "Cycle.StatementIds";
        hidden.Value = statement.Id.ToString();
        form.AppendChild(hidden);
        var response = await organiser.SubmitAsync(manage, "form#open-form", new Dictionary<string, string>
        {
            ["Cycle.Title"] = "Too early", ["Cycle.SummitId"] = statement.SummitId.ToString(),
            ["Cycle.Opens"] = "2030-01-02T10:00", ["Cycle.Deadline"] = "2030-01-01T10:00",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await FormClient.ParseAsync(response)).QuerySelector(".alert-danger")?.TextContent ?? "";
        Assert.Contains("Only published statements can be reported on.", errors);
        Assert.False(await app.WithDbAsync(db => db.ReportingCycles.AnyAsync(c => c.Title == "Too early")));
    }

    [Fact]
    public async Task A_focal_point_drafts_without_two_factor_but_submits_only_with_it_and_a_fresh_code_and_a_new_submission_supersedes_the_first()
    {
        var organisation = await app.OrganisationAsync();
        var (statement, cycle) = await app.CycleOnNewStatementAsync(organisation);
        var url = ReportingData.ReportUrl(cycle.Id, organisation.Id);
        var (user, plain, _) = await app.FocalPointAsync(organisation.Id, twoFactor: false, fullName: "Draft Only");
        var page = await plain.GetPageAsync(url);
        Assert.Equal(ReportingData.GovernmentParts, page.QuerySelectorAll("fieldset legend .part-name").Select(c => c.TextContent));
        var (_, saved) = await plain.SubmitAndFollowAsync(page, "form#report-form", ReportingData.Entry(0, CommitmentStatus.InProgress, "Law **drafted**", "https://example.org/law")
            .With(ReportingData.Entry(2, CommitmentStatus.Achieved, "Passed")));
        Assert.Contains("Draft saved", Status(saved));
        var refused = await plain.SubmitAsync(saved, "form#report-form", new Dictionary<string, string> { ["Input.Code"] = "123456" }, submitter: "#submit");
        var refusedPage = await FormClient.ParseAsync(refused);
        Assert.Contains("Turn on two-step verification", refusedPage.QuerySelector(".alert-danger")?.TextContent ?? "");
        var draft = Assert.Single(await app.ReportsAsync(cycle.Id, organisation.Id));
        Assert.Equal(ProgressReportStatus.Draft, draft.Status);
        Assert.Equal(CommitmentStatus.InProgress, draft.Entries.Single(e => e.Anchor == "all-1").Status);

        var (_, focal, key) = await app.FocalPointAsync(organisation.Id, fullName: "Submitting Person");
        var form = await focal.GetPageAsync(url);
        Assert.Equal("Law **drafted**", form.QuerySelector("textarea[name='Input.Entries[0].Narrative']")!.TextContent);
        var wrong = await FormClient.ParseAsync(await focal.SubmitAsync(form, "form#report-form", new Dictionary<string, string> { ["Input.Code"] = app.WrongTotpCode(key!) }, submitter: "#submit"));
        Assert.Contains("not right", wrong.QuerySelector(".alert-danger")?.TextContent ?? "");
        var (_, submitted) = await focal.SubmitAndFollowAsync(wrong, "form#report-form", new Dictionary<string, string> { ["Input.Code"] = app.TotpCode(key!) }, submitter: "#submit");
        Assert.Contains("Submitted: submission 1", Status(submitted));

        var first = Assert.Single(await app.ReportsAsync(cycle.Id, organisation.Id));
        Assert.Equal(ProgressReportStatus.Submitted, first.Status);
        Assert.Equal(4, first.Entries.Count); // commitments never answered are frozen as not started
        Assert.Equal(CommitmentStatus.NotStarted, first.Entries.Single(e => e.Anchor == "government-1.a").Status);
        Assert.Equal(ReportHash.Of(cycle.Id, organisation.Id, 1, first.Entries), first.ContentHash);
        Assert.Contains(first.ContentHash!, submitted.QuerySelector("#submitted")!.TextContent);
        Assert.Equal(["progress-report.started", "progress-report.submitted"], await app.AuditActionsAsync(nameof(ProgressReport), first.Id));

        // The same code again is refused; a new submission needs the next code.
        var replay = await FormClient.ParseAsync(await focal.SubmitAsync(submitted, "form#report-form",
            ReportingData.Entry(1, CommitmentStatus.Achieved).With(new() { ["Input.Code"] = app.TotpCode(key!) }), submitter: "#submit"));
        Assert.Contains("already used", replay.QuerySelector(".alert-danger")?.TextContent ?? "");
        var second = await app.ReportsAsync(cycle.Id, organisation.Id);
        Assert.Equal([ProgressReportStatus.Submitted, ProgressReportStatus.Draft], second.Select(r => r.Status));

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var (_, superseding) = await focal.SubmitAndFollowAsync(replay, "form#report-form",
            ReportingData.Entry(1, CommitmentStatus.Achieved).With(new() { ["Input.Code"] = app.TotpCode(key!) }), submitter: "#submit");
        Assert.Contains("supersedes", Status(superseding));
        var reports = await app.ReportsAsync(cycle.Id, organisation.Id);
        Assert.Equal([ProgressReportStatus.Superseded, ProgressReportStatus.Submitted], reports.Select(r => r.Status));
        // The first submission is kept as it was: same entries, same hash.
        Assert.Equal(first.ContentHash, reports[0].ContentHash);
        Assert.Equal(CommitmentStatus.NotStarted, reports[0].Entries.Single(e => e.Anchor == "all-1.a").Status);
        Assert.Equal(ReportHash.Of(cycle.Id, organisation.Id, 1, reports[0].Entries), reports[0].ContentHash);
        Assert.Equal(CommitmentStatus.Achieved, reports[1].Entries.Single(e => e.Anchor == "all-1.a").Status);
        Assert.Equal(CommitmentStatus.InProgress, reports[1].Entries.Single(e => e.Anchor == "all-1").Status);
        Assert.Equal(ReportHash.Of(cycle.Id, organisation.Id, 2, reports[1].Entries), reports[1].ContentHash);
        Assert.Equal(2, superseding.QuerySelectorAll("#submissions tbody tr").Length);
        _ = (user, statement);
    }

    [Fact]
    public async Task Two_focal_points_editing_at_once_get_a_conflict_not_a_lost_update()
    {
        var organisation = await app.OrganisationAsync();
        var (_, cycle) = await app.CycleOnNewStatementAsync(organisation);
        var url = ReportingData.ReportUrl(cycle.Id, organisation.Id);
        var (_, one, _) = await app.FocalPointAsync(organisation.Id, twoFactor: false, fullName: "Editor One");
        var (_, two, _) = await app.FocalPointAsync(organisation.Id, twoFactor: false, fullName: "Editor Two");
        var start = await one.GetPageAsync(url);
        var (_, started) = await one.SubmitAndFollowAsync(start, "form#report-form", ReportingData.Entry(0, CommitmentStatus.InProgress, "First words"));
        Assert.Contains("Draft saved", Status(started));

        var pageOne = await one.GetPageAsync(url);
        var pageTwo = await two.GetPageAsync(url);
        var (_, savedOne) = await one.SubmitAndFollowAsync(pageOne, "form#report-form", ReportingData.Entry(0, CommitmentStatus.Achieved, "One's words"));
        Assert.Contains("Draft saved", Status(savedOne));
        var conflict = await two.SubmitAsync(pageTwo, "form#report-form", ReportingData.Entry(0, CommitmentStatus.NotApplicable, "Two's words"));
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var conflictPage = await FormClient.ParseAsync(conflict);
        Assert.Contains("Someone else changed your organisation's report meanwhile", conflictPage.QuerySelector(".alert-danger")?.TextContent ?? "");
        // Two's words are still in the form, and one's are in the database.
        Assert.Equal("Two's words", conflictPage.QuerySelector("textarea[name='Input.Entries[0].Narrative']")!.TextContent);
        var entry = (await app.ReportsAsync(cycle.Id, organisation.Id)).Single().Entries.Single(e => e.Anchor == "all-1");
        Assert.Equal(("One's words", CommitmentStatus.Achieved), (entry.Narrative, entry.Status));
    }

    [Fact]
    public async Task The_pages_own_save_as_you_go_landing_before_its_submit_is_not_a_conflict()
    {
        // The browser saves on change (htmx, 800 ms later) and the focal point may press Submit meanwhile: the submit
        // then carries the token the page was read with, and the same answers the save already stored.
        var organisation = await app.OrganisationAsync();
        var (_, cycle) = await app.CycleOnNewStatementAsync(organisation);
        var url = ReportingData.ReportUrl(cycle.Id, organisation.Id);
        var (_, focal, key) = await app.FocalPointAsync(organisation.Id);
        var start = await focal.GetPageAsync(url);
        var (_, started) = await focal.SubmitAndFollowAsync(start, "form#report-form", ReportingData.Entry(0, CommitmentStatus.InProgress, "First words"));
        var page = await focal.GetPageAsync(url);
        var answers = ReportingData.Entry(0, CommitmentStatus.Achieved, "A hotline opened.");
        focal.Http.DefaultRequestHeaders.Add("HX-Request", "true");
        var autosave = await focal.SubmitAsync(page, "form#report-form", answers);
        focal.Http.DefaultRequestHeaders.Remove("HX-Request");
        Assert.Contains("Draft saved at", await autosave.Content.ReadAsStringAsync());

        var submit = await focal.SubmitAsync(page, "form#report-form", answers.With(new() { ["Input.Code"] = app.TotpCode(key!) }), submitter: "#submit");
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        var report = (await app.ReportsAsync(cycle.Id, organisation.Id)).Single();
        Assert.Equal(ProgressReportStatus.Submitted, report.Status);
        Assert.Equal(("A hotline opened.", CommitmentStatus.Achieved), (report.Entries.Single(e => e.Anchor == "all-1").Narrative, report.Entries.Single(e => e.Anchor == "all-1").Status));
        _ = started;
    }

    [Fact]
    public async Task First_saves_posted_at_once_with_the_same_answers_start_one_draft_and_none_is_refused()
    {
        // The page's save-as-you-go and its submit button can both start draft 1 at the same moment.
        var organisation = await app.OrganisationAsync();
        var (_, cycle) = await app.CycleOnNewStatementAsync(organisation);
        var url = ReportingData.ReportUrl(cycle.Id, organisation.Id);
        var (_, focal, _) = await app.FocalPointAsync(organisation.Id, twoFactor: false);
        var page = await focal.GetPageAsync(url);
        var answers = ReportingData.Entry(0, CommitmentStatus.InProgress, "Same words");
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => focal.SubmitAsync(page, "form#report-form", answers))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var draft = Assert.Single(await app.ReportsAsync(cycle.Id, organisation.Id));
        Assert.Equal("Same words", draft.Entries.Single(e => e.Anchor == "all-1").Narrative);
    }

    [Fact]
    public async Task Saving_through_htmx_answers_with_the_save_line_and_the_new_token_and_the_narrative_is_rendered_sanitised()
    {
        var organisation = await app.OrganisationAsync(Sector.CivilSociety);
        var (_, cycle) = await app.CycleOnNewStatementAsync(organisation);
        var url = ReportingData.ReportUrl(cycle.Id, organisation.Id);
        var (_, focal, _) = await app.FocalPointAsync(organisation.Id, twoFactor: false);
        var page = await focal.GetPageAsync(url);
        Assert.Equal(ReportingData.AllParts, page.QuerySelectorAll("fieldset legend .part-name").Select(c => c.TextContent));
        focal.Http.DefaultRequestHeaders.Add("HX-Request", "true");
        var response = await focal.SubmitAsync(page, "form#report-form",
            ReportingData.Entry(0, CommitmentStatus.InProgress, "We **trained** 40 officers <script>alert(1)</script> [report](javascript:alert(1))"));
        focal.Http.DefaultRequestHeaders.Remove("HX-Request");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fragment = await response.Content.ReadAsStringAsync();
        Assert.Contains("Draft saved at", fragment);
        var draft = (await app.ReportsAsync(cycle.Id, organisation.Id)).Single();
        Assert.Contains($"value=\"{draft.Version}\"", fragment);
        Assert.Contains("hx-swap-oob", fragment);

        var again = await focal.GetPageAsync(url);
        var preview = again.QuerySelector(".narrative-preview")!;
        Assert.Equal("trained", preview.QuerySelector("strong")?.TextContent);
        Assert.Null(preview.QuerySelector("script"));
        Assert.DoesNotContain("javascript:", preview.InnerHtml);
        Assert.Equal(draft.Version.ToString(), again.QuerySelector("#report-version")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Organisers_see_who_submitted_and_status_counts_per_commitment_remind_the_others_once_and_download_the_same_figures()
    {
        var submitsA = await app.OrganisationAsync(Sector.Government);
        var submitsB = await app.OrganisationAsync(Sector.CivilSociety);
        var silent = await app.OrganisationAsync(Sector.Government);
        var (_, cycle) = await app.CycleOnNewStatementAsync(submitsA, submitsB, silent);
        var choices = new Dictionary<(int, string), CommitmentStatus>
        {
            [(submitsA.Id, "all-1")] = CommitmentStatus.Achieved, [(submitsA.Id, "all-1.a")] = CommitmentStatus.InProgress,
            [(submitsA.Id, "government-1")] = CommitmentStatus.Achieved, [(submitsA.Id, "government-1.a")] = CommitmentStatus.NotApplicable,
            [(submitsB.Id, "all-1")] = CommitmentStatus.Achieved, [(submitsB.Id, "all-1.a")] = CommitmentStatus.NotStarted,
        };
        foreach (var organisation in new[] { submitsA, submitsB })
        {
            var (_, focal, key) = await app.FocalPointAsync(organisation.Id);
            var page = await focal.GetPageAsync(ReportingData.ReportUrl(cycle.Id, organisation.Id));
            // The form's key per entry (its hidden field): the anchor, which the page no longer shows.
            var anchors = page.QuerySelectorAll("fieldset input[name$='.Anchor']").Select(i => i.GetAttribute("value")!).ToList();
            var values = new Dictionary<string, string> { ["Input.Code"] = app.TotpCode(key!) };
            for (var i = 0; i < anchors.Count; i++) values.With(ReportingData.Entry(i, choices[(organisation.Id, anchors[i])]));
            var (_, done) = await focal.SubmitAndFollowAsync(page, "form#report-form", values, submitter: "#submit");
            Assert.Contains("Submitted", Status(done));
        }
        var (silentUser, _, _) = await app.FocalPointAsync(silent.Id, twoFactor: false, fullName: "Silent Focal");

        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var progress = await organiser.GetPageAsync($"/Reporting/Manage/Cycle/{cycle.Id}");
        Assert.Equal("2 of 3 organisations have submitted.", progress.QuerySelector("#rate")!.TextContent.Trim());
        Assert.Equal("Not started", progress.QuerySelector($"#organisation-{silent.Id} .report-state")!.TextContent.Trim());
        foreach (var anchor in ReportingData.GovernmentAnchors)
        {
            var row = progress.QuerySelector($"#commitment-{cycle.Statements.Single().StatementId}-{anchor.Replace(".", "\\.")}")!;
            foreach (var status in Enum.GetValues<CommitmentStatus>())
            {
                var counted = choices.Count(c => c.Key.Item2 == anchor && c.Value == status);
                Assert.Equal(counted.ToString(), row.QuerySelector($"td[data-status={status}]")!.TextContent);
            }
        }

        var csv = await organiser.GetAsync($"/Reporting/Manage/Cycle/{cycle.Id}/Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Organisation,Sector,Statement,Anchor,Part,Commitment,Status", lines[0]);
        Assert.Equal(4 + 2 + 4, lines.Length - 1);
        foreach (var status in Enum.GetValues<CommitmentStatus>())
        {
            var words = Web.Reporting.ReportingView.Words(status);
            Assert.Equal(choices.Count(c => c.Value == status), lines.Skip(1).Count(l => l.Split(',')[6] == words));
        }

        var xlsx = await organiser.GetAsync($"/Reporting/Manage/Cycle/{cycle.Id}/Xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var sheet = MiniExcelLibs.MiniExcel.Query(await xlsx.Content.ReadAsStreamAsync()).Cast<IDictionary<string, object?>>()
            .Select(row => row.Values.Select(v => v?.ToString() ?? "").ToArray()).ToList();
        var csvRows = lines.Select(l => l.Split(',')).ToList();
        Assert.Equal(csvRows.Count, sheet.Count);
        // The same cells (none of these values holds a comma or a quote).
        for (var i = 0; i < sheet.Count; i++) Assert.Equal(csvRows[i], sheet[i]);

        var json = await organiser.GetAsync($"/Reporting/Manage/Cycle/{cycle.Id}/Json");
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        var objects = System.Text.Json.JsonSerializer.Deserialize<List<Dictionary<string, string>>>(await json.Content.ReadAsStringAsync())!;
        Assert.Equal(csvRows.Skip(1).Select(r => r[6]), objects.Select(o => o["Status"]));
        Assert.Equal(csvRows.Skip(1).Select(r => r[3]), objects.Select(o => o["Anchor"]));

        // A note too long is kept beside its error and nothing is queued; within the limit, the letter carries it.
        var tooLong = new string('n', 1001);
        var (_, refused) = await organiser.SubmitAndFollowAsync(progress, "form#remind-form", new Dictionary<string, string> { ["ReminderNote"] = tooLong });
        Assert.Contains("The note can be at most 1,000 characters; it has 1,001.", refused.QuerySelector("[data-valmsg-for='ReminderNote']")!.TextContent);
        Assert.Equal(tooLong, refused.QuerySelector("textarea#ReminderNote")!.TextContent.TrimStart('\n', '\r'));
        Assert.False(await app.WithDbAsync(db => db.ReportReminders.AnyAsync(r => r.CycleId == cycle.Id)));
        var (_, reminded) = await organiser.SubmitAndFollowAsync(refused, "form#remind-form",
            new Dictionary<string, string> { ["ReminderNote"] = "The review meeting is on 3 March.\r\nThank you." });
        Assert.Contains("Reminder queued for 1 organisation.", Status(reminded));
        var (_, twice) = await organiser.SubmitAndFollowAsync(reminded, "form#remind-form");
        Assert.Contains("Nobody to remind", Status(twice));
        var reminders = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKinds.ReportingReminder).ToListAsync());
        var reminder = Assert.Single(reminders, n => n.RecipientUserId == silentUser.Id);
        Assert.Equal(silent.Id, await app.WithDbAsync(db => db.ReportReminders.Where(r => r.Id == reminder.SubjectId).Select(r => r.OrganisationId).SingleAsync()));
        var mail = await app.WaitForMailAsync(m => m.To.ToString().Contains(silentUser.Email!) && (m.Subject ?? "").Contains("progress report"));
        Assert.Contains(cycle.Title, mail.Subject);
        Assert.Contains("A note from the secretariat:\n\nThe review meeting is on 3 March.\nThank you.\n\n", mail.TextBody!.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Organisers_publish_a_cycle_after_its_deadline_and_the_public_page_shows_figures_by_sector_and_commitment_without_narratives()
    {
        var government = await app.OrganisationAsync(Sector.Government);
        var company = await app.OrganisationAsync(Sector.PrivateSector);
        var statement = await app.PublishedStatementAsync([government, company]);
        var cycle = await app.CycleAsync(statement.SummitId, [statement.Id], app.UtcNow.AddMinutes(30));
        var (_, focal, key) = await app.FocalPointAsync(government.Id);
        var page = await focal.GetPageAsync(ReportingData.ReportUrl(cycle.Id, government.Id));
        var (_, done) = await focal.SubmitAndFollowAsync(page, "form#report-form", ReportingData.Entry(0, CommitmentStatus.Achieved, "Secret words of the ministry")
            .With(ReportingData.Entry(2, CommitmentStatus.InProgress)).With(new() { ["Input.Code"] = app.TotpCode(key!) }), submitter: "#submit");
        Assert.Contains("Submitted", Status(done));

        var anonymous = app.CreateFormClient();
        var publicUrl = $"/Reporting/Progress/{cycle.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(publicUrl)).StatusCode);
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var manage = await organiser.GetPageAsync($"/Reporting/Manage/Cycle/{cycle.Id}");
        // Before the deadline the button is shown disabled, with the date it becomes available; reminders are offered.
        Assert.Null(manage.QuerySelector("form#publish-form"));
        Assert.True(manage.QuerySelector("#publish-later button")!.HasAttribute("disabled"));
        Assert.Contains("once the deadline has passed, from", manage.QuerySelector("#publish-when")!.TextContent);
        Assert.Contains(cycle.DeadlineUtc.Year.ToString(CultureInfo.InvariantCulture), manage.QuerySelector("#publish-when")!.TextContent);
        Assert.NotNull(manage.QuerySelector("form#remind-form"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(publicUrl)).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var (_, published) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Reporting/Manage/Cycle/{cycle.Id}"), "form#publish-form");
        Assert.Contains("is published", Status(published));
        // Published: nobody is left to remind, and the page no longer offers it.
        Assert.Null(published.QuerySelector("form#remind-form"));
        Assert.Null(published.QuerySelector("#publish-later"));
        Assert.Equal(["reporting-cycle.opened", "reporting-cycle.published"], await app.AuditActionsAsync(nameof(ReportingCycle), cycle.Id));

        var figures = await anonymous.GetPageAsync(publicUrl);
        Assert.Equal("1 of 2 organisations reported.", figures.QuerySelector("#rate")!.TextContent.Trim());
        Assert.Equal(["Governments", "1", "1"], figures.QuerySelectorAll($"#rate-{Sector.Government} th, #rate-{Sector.Government} td").Select(c => c.TextContent.Trim()));
        Assert.Equal(["Private sector", "1", "0"], figures.QuerySelectorAll($"#rate-{Sector.PrivateSector} th, #rate-{Sector.PrivateSector} td").Select(c => c.TextContent.Trim()));
        string Count(string anchor, CommitmentStatus status) =>
            figures.QuerySelector($"#commitment-{statement.Id}-{anchor.Replace(".", "\\.")} td[data-status={status}]")!.TextContent;
        Assert.Equal("1", Count("all-1", CommitmentStatus.Achieved));
        Assert.Equal("1", Count("all-1.a", CommitmentStatus.NotStarted));
        Assert.Equal("1", Count("government-1", CommitmentStatus.InProgress));
        Assert.Equal("0", Count("government-1", CommitmentStatus.Achieved));
        Assert.DoesNotContain("Secret words", figures.Body!.TextContent);
    }
}
