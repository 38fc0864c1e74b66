using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Reporting;
using Xunit.Abstractions;

namespace WeProtect.Summit.Tests.Reporting;

/// <summary>A double submit submits once: the conditional update on the draft's status and token decides, and every
/// loser gets a clear answer, never a 500. Sweeps on several nodes invite and remind once: the unique indexes decide.
/// An app of its own, run alone.</summary>
[Collection(LoadCollection.Name)]
public class ReportingRaceTests(SummitAppFactory app, ITestOutputHelper output) : IClassFixture<SummitAppFactory>
{
    private const int Requests = 20;

    [Fact]
    public async Task Parallel_submit_posts_from_two_focal_points_of_one_organisation_make_exactly_one_submission()
    {
        var organisation = await app.OrganisationAsync();
        var (_, cycle) = await app.CycleOnNewStatementAsync(organisation);
        var url = ReportingData.ReportUrl(cycle.Id, organisation.Id);
        var focalPoints = new[] { await app.FocalPointAsync(organisation.Id, fullName: "Racer One"), await app.FocalPointAsync(organisation.Id, fullName: "Racer Two") };
        var first = await focalPoints[0].Client.GetPageAsync(url);
        var (_, draft) = await focalPoints[0].Client.SubmitAndFollowAsync(first, "form#report-form", ReportingData.Entry(0, CommitmentStatus.Achieved));
        var ready = new List<(FormClient Client, string Key, AngleSharp.Html.Dom.IHtmlDocument Page, int Step)>();
        for (var i = 0; i < Requests; i++)
        {
            var f = focalPoints[i % 2];
            ready.Add((f.Client, f.Key!, await f.Client.GetPageAsync(url), i / 2 % 2));
        }
        var responses = await Task.WhenAll(ready.Select(r => Task.Run(() => r.Client.SubmitAsync(r.Page, "form#report-form",
            new Dictionary<string, string> { ["Input.Code"] = app.TotpCode(r.Key, TimeSpan.FromSeconds(30 * r.Step)) }, submitter: "#submit"))));

        var submitted = 0;
        var messages = new List<string>();
        foreach (var response in responses)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 800)]}");
            if (response.StatusCode == HttpStatusCode.Redirect) { submitted++; continue; }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var message = (await FormClient.ParseAsync(response, body)).QuerySelector(".alert-danger")?.TextContent.Trim() ?? "";
            Assert.True(message.Contains("Someone else changed your organisation's report") || message.Contains("already submitted")
                || message.Contains("already used") || message.Contains("no longer current"), $"Unclear answer: {message}");
            messages.Add(message);
        }
        output.WriteLine(string.Join("\n", messages.GroupBy(m => m[..Math.Min(60, m.Length)]).Select(g => $"{g.Count()} × {g.Key}")));
        Assert.Equal(1, submitted);
        var reports = await app.ReportsAsync(cycle.Id, organisation.Id);
        var report = Assert.Single(reports);
        Assert.Equal(ProgressReportStatus.Submitted, report.Status);
        Assert.Equal(ReportHash.Of(cycle.Id, organisation.Id, 1, report.Entries), report.ContentHash);
        Assert.Equal(["progress-report.started", "progress-report.submitted"], await app.AuditActionsAsync(nameof(ProgressReport), report.Id));
        _ = draft;
    }

    [Fact]
    public async Task When_every_submission_passes_every_check_at_once_the_conditional_update_lets_one_through()
    {
        var organisation = await app.OrganisationAsync();
        var (_, cycle) = await app.CycleOnNewStatementAsync(organisation);
        var (user, client, _) = await app.FocalPointAsync(organisation.Id, fullName: "Gate Keeper");
        var page = await client.GetPageAsync(ReportingData.ReportUrl(cycle.Id, organisation.Id));
        await client.SubmitAndFollowAsync(page, "form#report-form", ReportingData.Entry(1, CommitmentStatus.InProgress, "Under way"));
        var version = (await app.ReportsAsync(cycle.Id, organisation.Id)).Single().Version;
        // Every request waits at the step-up until all have passed the earlier checks, so all reach the update.
        var arrived = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<DeskText?> Gate(CancellationToken ct)
        {
            if (Interlocked.Increment(ref arrived) == Requests) all.SetResult();
            await all.Task.WaitAsync(TimeSpan.FromMinutes(2), ct);
            return null;
        }
        var results = await Task.WhenAll(Enumerable.Range(0, Requests).Select(_ => Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ReportingDesk>()
                .SubmitAsync(cycle.Id, organisation.Id, version, user.Id, new AuditActor(user.Id, user.FullName), Gate);
        })));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains("already submitted", r.Message));
        var report = Assert.Single(await app.ReportsAsync(cycle.Id, organisation.Id));
        Assert.Equal(ProgressReportStatus.Submitted, report.Status);
        Assert.Equal(4, report.Entries.Count);
        Assert.Single(await app.AuditActionsAsync(nameof(ProgressReport), report.Id), a => a == "progress-report.submitted");
        Assert.Null((await app.WithDbAsync(db => new AuditTrail(db, TimeProvider.System).VerifyAsync())).BrokenAtSequence);
    }

    [Fact]
    public async Task Removing_an_attachment_and_submitting_from_the_same_draft_at_once_let_exactly_one_through_and_the_hash_matches_what_was_kept()
    {
        var organisation = await app.OrganisationAsync();
        var (_, cycle) = await app.CycleOnNewStatementAsync(organisation);
        var (user, client, _) = await app.FocalPointAsync(organisation.Id, fullName: "Attachment Racer");
        var page = await client.GetPageAsync(ReportingData.ReportUrl(cycle.Id, organisation.Id));
        await client.AttachAsync(page, "evidence.pdf", ReportingData.Pdf("Race evidence"));
        var draft = (await app.WithDbAsync(db => db.ProgressReports.AsNoTracking().Include(r => r.Attachments)
            .SingleAsync(r => r.CycleId == cycle.Id && r.OrganisationId == organisation.Id)));
        var attachmentId = Assert.Single(draft.Attachments).Id;
        var actor = new AuditActor(user.Id, user.FullName);
        var results = await Task.WhenAll(Enumerable.Range(0, Requests).Select(i => Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            var desk = scope.ServiceProvider.GetRequiredService<ReportingDesk>();
            return i % 2 == 0
                ? (Submit: true, Result: (Data.Desks.DeskResult)await desk.SubmitAsync(cycle.Id, organisation.Id, draft.Version, user.Id, actor, _ => Task.FromResult<DeskText?>(null)))
                : (Submit: false, Result: await desk.RemoveAttachmentAsync(cycle.Id, organisation.Id, attachmentId, draft.Version, user.Id, actor));
        })));

        var winner = Assert.Single(results, r => r.Result.Succeeded);
        output.WriteLine(winner.Submit ? "The submission won." : "The removal won.");
        var report = await app.WithDbAsync(db => db.ProgressReports.AsNoTracking().Include(r => r.Entries).Include(r => r.Attachments).SingleAsync(r => r.Id == draft.Id));
        if (winner.Submit)
        {
            Assert.Equal(ProgressReportStatus.Submitted, report.Status);
            Assert.Single(report.Attachments);
            Assert.Equal(ReportHash.Of(cycle.Id, organisation.Id, 1, report.Entries, report.Attachments), report.ContentHash);
        }
        else
        {
            Assert.Equal(ProgressReportStatus.Draft, report.Status);
            Assert.Empty(report.Attachments);
        }
        // The bytes go with the row: kept when the submission won, deleted when the removal did.
        Assert.Equal(winner.Submit, await app.WithDbAsync(db => db.ReportAttachmentContents.AnyAsync(c => c.AttachmentId == attachmentId)));
        Assert.Null((await app.WithDbAsync(db => new AuditTrail(db, TimeProvider.System).VerifyAsync())).BrokenAtSequence);
    }

    [Fact]
    public async Task Parallel_publications_of_a_cycle_publish_it_once_with_one_set_of_figures()
    {
        var organisation = await app.OrganisationAsync();
        var statement = await app.PublishedStatementAsync([organisation]);
        var cycle = await app.CycleAsync(statement.SummitId, [statement.Id], app.UtcNow.AddMinutes(30));
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ReportingDesk>().PublishAsync(cycle.Id, new AuditActor(null, "Racing organiser"));
        })));

        output.WriteLine(string.Join("\n", results.GroupBy(r => r.Message[..Math.Min(60, r.Message.Length)]).Select(g => $"{g.Count()} × {g.Key}")));
        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.True(r.Message.Contains("already published") || r.Message.Contains("Someone else changed"), r.Message));
        Assert.Equal(ReportingData.GovernmentAnchors, await app.WithDbAsync(db => db.PublishedCommitments.Where(c => c.CycleId == cycle.Id).OrderBy(c => c.Position).Select(c => c.Anchor).ToListAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.PublishedReporters.CountAsync(r => r.CycleId == cycle.Id)));
        Assert.Equal(["reporting-cycle.opened", "reporting-cycle.published"], await app.AuditActionsAsync(nameof(ReportingCycle), cycle.Id));
    }

    [Fact]
    public async Task Parallel_sweeps_invite_each_focal_point_once_and_remind_each_organisation_once()
    {
        var first = await app.OrganisationAsync();
        var second = await app.OrganisationAsync(Data.Organisations.Sector.CivilSociety);
        var statement = await app.PublishedStatementAsync([first, second]);
        var summit = await app.WithDbAsync(db => db.Summits.AsNoTracking().FirstAsync(s => s.Id == statement.SummitId));
        var opens = new DateTime(app.UtcNow.Ticks - app.UtcNow.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc).AddHours(1);
        var deadline = opens.AddDays(1);
        var organiser = new AuditActor(null, "Test organiser");
        int cycleId;
        using (var scope = app.Services.CreateScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<ReportingDesk>();
            var opened = await desk.OpenCycleAsync(summit.Id, "Raced cycle", summit.ToLocal(opens), summit.ToLocal(deadline), [statement.Id], organiser);
            Assert.True(opened.Succeeded, opened.Message);
            cycleId = opened.Value!.Id;
            // Granted before the cycle opens: the sweep invites them when it does.
            foreach (var organisationId in new[] { first.Id, first.Id, second.Id })
            {
                var user = await app.CreateUserAsync(fullName: "Raced Focal");
                Assert.True((await desk.GrantFocalPointAsync(user.Id, organisationId, organiser)).Succeeded);
            }
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.ReportInvitations.CountAsync(i => i.CycleId == cycleId)));

        async Task SweepsAsync()
        {
            await Task.WhenAll(Enumerable.Range(0, Requests).Select(_ => Task.Run(async () =>
            {
                using var scope = app.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<Web.Jobs.ReportingSweep>().RunAsync(CancellationToken.None);
            })));
        }

        app.Clock.SetUtcNow(opens.AddMinutes(1));
        await SweepsAsync();
        var invitations = await app.WithDbAsync(db => db.ReportInvitations.AsNoTracking().Where(i => i.CycleId == cycleId).Select(i => i.Id).ToListAsync());
        Assert.Equal(3, invitations.Count);
        var invited = await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.Kind == Data.Notifications.NotificationKinds.ReportingInvitation && invitations.Contains(n.SubjectId)).Select(n => n.SubjectId).ToListAsync());
        Assert.Equal(invitations.Order(), invited.Order());

        // Within the lead time (whatever the app's setting), still before the deadline.
        TimeSpan lead;
        using (var scope = app.Services.CreateScope()) lead = scope.ServiceProvider.GetRequiredService<Web.Jobs.ReportingSweep>().ReminderBefore;
        app.Clock.SetUtcNow(deadline - TimeSpan.FromTicks(Math.Min(lead.Ticks, TimeSpan.TicksPerHour) / 2));
        await SweepsAsync();
        var reminders = await app.WithDbAsync(db => db.ReportReminders.AsNoTracking().Where(r => r.CycleId == cycleId).Select(r => r.Id).ToListAsync());
        Assert.Equal(2, reminders.Count);
        Assert.Equal(3, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == Data.Notifications.NotificationKinds.ReportingReminder && reminders.Contains(n.SubjectId))));
        Assert.Equal(["reporting-cycle.opened", "reporting-cycle.invited", "reporting-cycle.reminded"], await app.AuditActionsAsync(nameof(ReportingCycle), cycleId));
        Assert.Null((await app.WithDbAsync(db => new AuditTrail(db, TimeProvider.System).VerifyAsync())).BrokenAtSequence);
    }
}
