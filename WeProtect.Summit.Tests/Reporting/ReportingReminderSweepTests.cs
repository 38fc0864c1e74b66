using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Reporting;

/// <summary>Automatic reminders: the reporting sweep, run with the app's clock moved, reminds each organisation that
/// has not submitted once the deadline is within <c>Reporting:ReminderBefore</c> (14 days), once, through the same
/// once-per-organisation row as the organisers' "Remind".</summary>
public class ReportingReminderSweepTests(DefaultReminderApp app) : ReportingReminderSweepChecks(app), IClassFixture<DefaultReminderApp>;

/// <summary>The sweep's tests, run by <see cref="ReportingReminderSweepTests"/> (mail to the pick-up folder) and
/// <see cref="ReportingReminderSweepOverSmtpTests"/> (mail through a real SMTP server).</summary>
public abstract class ReportingReminderSweepChecks(SummitAppFactory app)
{
    private static string Status(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("[role=status]")?.TextContent.Trim() ?? "";

    /// <summary>Moves the app's clock (forward only) and runs the sweep as Hangfire would.</summary>
    private async Task SweepAtAsync(DateTime now)
    {
        app.Clock.SetUtcNow(new DateTimeOffset(now, TimeSpan.Zero));
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ReportingSweep>().RunAsync(CancellationToken.None);
    }

    /// <summary>The reminder notifications of the cycle, as (recipient, organisation) pairs.</summary>
    private Task<List<(string UserId, int OrganisationId)>> RemindersAsync(int cycleId) => app.WithDbAsync(async db =>
    {
        var rows = await db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKinds.ReportingReminder)
            .Join(db.ReportReminders.AsNoTracking().Where(r => r.CycleId == cycleId), n => n.SubjectId, r => r.Id,
                (n, r) => new { n.RecipientUserId, r.OrganisationId })
            .ToListAsync();
        return rows.Select(r => (r.RecipientUserId ?? "", r.OrganisationId)).Order().ToList();
    });

    [Fact]
    public void The_lead_time_is_fourteen_days_unless_set()
    {
        using var scope = app.Services.CreateScope();
        Assert.Equal(TimeSpan.FromDays(14), scope.ServiceProvider.GetRequiredService<ReportingSweep>().ReminderBefore);
        Assert.Equal(TimeSpan.FromDays(14), ReportingSweep.DefaultReminderBefore);
    }

    [Fact]
    public async Task A_cycle_opened_within_the_lead_time_invites_its_focal_points_and_never_reminds_them_in_the_same_sweep_or_later()
    {
        var silent = await app.OrganisationAsync(Sector.Government);
        var statement = await app.PublishedStatementAsync([silent]);
        var (silentUser, _, _) = await app.FocalPointAsync(silent.Id, twoFactor: false, fullName: "Newly Invited");
        var start = new DateTime(app.UtcNow.Ticks - app.UtcNow.Ticks % TimeSpan.TicksPerSecond + TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        app.Clock.SetUtcNow(new DateTimeOffset(start, TimeSpan.Zero));
        var deadline = start.AddDays(10);   // less than the fourteen days' lead
        var cycle = await app.CycleAsync(statement.SummitId, [statement.Id], deadline);

        await SweepAtAsync(start.AddMinutes(1));
        await SweepAtAsync(start.AddMinutes(2));
        await SweepAtAsync(deadline - TimeSpan.FromDays(1));

        var invited = await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKinds.ReportingInvitation && n.RecipientUserId == silentUser.Id).CountAsync());
        Assert.Equal(1, invited);
        Assert.Empty(await RemindersAsync(cycle.Id));
        Assert.Equal(0, await app.WithDbAsync(db => db.ReportReminders.CountAsync(r => r.CycleId == cycle.Id)));
        // The rule, named once: reminders begin the lead time before the deadline, for those invited before then.
        Assert.Equal(deadline - ReportingSweep.DefaultReminderBefore, (await app.WithDbAsync(db => db.ReportingCycles.SingleAsync(c => c.Id == cycle.Id)))
            .RemindersBeginUtc(ReportingSweep.DefaultReminderBefore));
    }

    [Fact]
    public async Task Within_the_lead_time_the_sweep_reminds_each_organisation_that_has_not_submitted_once_and_a_second_sweep_nothing()
    {
        var submits = await app.OrganisationAsync(Sector.Government);
        var silent = await app.OrganisationAsync(Sector.Government);
        var quiet = await app.OrganisationAsync(Sector.CivilSociety);
        var unstaffed = await app.OrganisationAsync(Sector.Government);
        var statement = await app.PublishedStatementAsync([submits, silent, quiet, unstaffed]);
        // Whole seconds, rounded up: the clock only moves forward from here.
        var start = new DateTime(app.UtcNow.Ticks - app.UtcNow.Ticks % TimeSpan.TicksPerSecond + TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        app.Clock.SetUtcNow(new DateTimeOffset(start, TimeSpan.Zero));
        var deadline = start.AddDays(20);
        var cycle = await app.CycleAsync(statement.SummitId, [statement.Id], deadline);
        var (_, focal, key) = await app.FocalPointAsync(submits.Id);
        var (silentUser, _, _) = await app.FocalPointAsync(silent.Id, twoFactor: false, fullName: "Silent Focal");
        var (quietOne, _, _) = await app.FocalPointAsync(quiet.Id, twoFactor: false, fullName: "Quiet One");
        var (quietTwo, _, _) = await app.FocalPointAsync(quiet.Id, twoFactor: false, fullName: "Quiet Two");
        var page = await focal.GetPageAsync(ReportingData.ReportUrl(cycle.Id, submits.Id));
        var (_, done) = await focal.SubmitAndFollowAsync(page, "form#report-form",
            ReportingData.Entry(0, CommitmentStatus.Achieved).With(new() { ["Input.Code"] = app.TotpCode(key!) }), submitter: "#submit");
        Assert.Contains("Submitted", Status(done));

        // A minute after the start (twenty days before the deadline), then fourteen days and a minute before it: nothing.
        await SweepAtAsync(start.AddMinutes(1));
        await SweepAtAsync(deadline - TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        Assert.Empty(await RemindersAsync(cycle.Id));
        Assert.Equal(0, await app.WithDbAsync(db => db.ReportReminders.CountAsync(r => r.CycleId == cycle.Id)));

        // Within fourteen days: each focal point of each organisation that has not submitted, once; the submitter's
        // organisation and the one without a focal point get none.
        await SweepAtAsync(deadline - TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        var expected = new[] { (silentUser.Id, silent.Id), (quietOne.Id, quiet.Id), (quietTwo.Id, quiet.Id) }.Order().ToList();
        Assert.Equal(expected, await RemindersAsync(cycle.Id));
        Assert.Equal(new[] { silent.Id, quiet.Id }.Order(),
            await app.WithDbAsync(db => db.ReportReminders.Where(r => r.CycleId == cycle.Id).Select(r => r.OrganisationId).OrderBy(id => id).ToListAsync()));

        // A second sweep, and the next day's: nothing more. Audited once, as the system.
        await SweepAtAsync(deadline - TimeSpan.FromDays(14) + TimeSpan.FromMinutes(2));
        await SweepAtAsync(deadline - TimeSpan.FromDays(13));
        Assert.Equal(expected, await RemindersAsync(cycle.Id));
        var reminded = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == "reporting-cycle.reminded" && e.SubjectType == nameof(ReportingCycle) && e.SubjectId == cycle.Id.ToString()).ToListAsync());
        var audited = Assert.Single(reminded);
        Assert.Equal("Reporting sweep", audited.ActorName);
        Assert.Equal($"Reminders queued for 2 organisations in cycle {cycle.Id}", audited.Summary);

        // The organisers' "Remind" after it finds nobody left: the same once-per-organisation row.
        using (var scope = app.Services.CreateScope())
        {
            var manual = await scope.ServiceProvider.GetRequiredService<ReportingDesk>().RemindAsync(cycle.Id, null, new AuditActor(null, "Test organiser"));
            Assert.False(manual.Succeeded);
            Assert.Contains("Nobody to remind", manual.Message);
            Assert.Contains("1 organisation that has not submitted has no focal point to remind.", manual.Message);
        }
        Assert.Equal(expected, await RemindersAsync(cycle.Id));

        var mail = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(x => x.Address == silentUser.Email) && (m.Subject ?? "").StartsWith("Reminder:"));
        Assert.Contains(cycle.Title, mail.Subject);
        // One letter to each focal point reminded, none to the organisation that submitted.
        await app.WaitForAllMailAsync();
        var letters = app.SentMail().Where(m => (m.Subject ?? "").StartsWith("Reminder:") && (m.Subject ?? "").Contains(cycle.Title))
            .SelectMany(m => m.To.Mailboxes.Select(x => x.Address)).Order().ToList();
        Assert.Equal(new[] { silentUser.Email, quietOne.Email, quietTwo.Email }.Order(), letters);
    }
}
