using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Languages;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Reporting;

/// <summary>Invitations to report: one to each live focal point of the organisations that report in a cycle when it
/// opens (at once, or by the sweep when it opens later), and one to a focal point granted while it is open; never a
/// second, whatever runs again. The fake clock moves the cycles' windows.</summary>
public class ReportingInvitationTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static readonly AuditActor Organiser = new(null, "Test organiser");

    private static string Status(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("[role=status]")?.TextContent.Trim() ?? "";

    /// <summary>The invitation notifications of the cycle, as (recipient, focal point) pairs.</summary>
    private Task<List<(string UserId, int FocalPointId)>> InvitationsAsync(int cycleId) => app.WithDbAsync(async db =>
    {
        var rows = await db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKinds.ReportingInvitation)
            .Join(db.ReportInvitations.AsNoTracking().Where(i => i.CycleId == cycleId), n => n.SubjectId, i => i.Id,
                (n, i) => new { n.RecipientUserId, i.FocalPointId })
            .ToListAsync();
        return rows.Select(r => (r.RecipientUserId ?? "", r.FocalPointId)).Order().ToList();
    });

    /// <summary>The reporting sweep, as Hangfire runs it every minute on every node.</summary>
    private async Task SweepAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ReportingSweep>().RunAsync(CancellationToken.None);
    }

    private async Task<(SummitUser User, int FocalPointId)> GrantAsync(int organisationId, string fullName)
    {
        var user = await app.CreateUserAsync(fullName: fullName);
        using var scope = app.Services.CreateScope();
        var granted = await scope.ServiceProvider.GetRequiredService<ReportingDesk>().GrantFocalPointAsync(user.Id, organisationId, Organiser);
        Assert.True(granted.Succeeded, granted.Message);
        return (user, granted.Value!.Id);
    }

    /// <summary>The app's clock cut to the whole minute, as a datetime-local field gives a time.</summary>
    private DateTime WholeMinute() => new(app.UtcNow.Ticks - app.UtcNow.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);

    [Fact]
    public void Beside_the_tests_the_apps_own_sweep_reminds_only_in_a_deadlines_last_second()
    {
        // What SummitAppFactory sets, so that the minutely sweep on real time never reminds in the middle of a test
        // that counts reminders or audit events (DefaultReminderApp has the 14 days).
        using var scope = app.Services.CreateScope();
        Assert.Equal(TimeSpan.FromSeconds(1), scope.ServiceProvider.GetRequiredService<ReportingSweep>().ReminderBefore);
    }

    [Fact]
    public async Task Opening_a_cycle_invites_each_live_focal_point_of_each_reporting_organisation_once_with_the_window_in_the_summits_zone()
    {
        var government = await app.OrganisationAsync(Sector.Government);
        var company = await app.OrganisationAsync(Sector.PrivateSector);
        var bystander = await app.OrganisationAsync(Sector.Government);
        var statement = await app.PublishedStatementAsync([government, company]);
        var (minister, ministerGrant) = await GrantAsync(government.Id, "Mina Minister");
        var (_, deputyGrant) = await GrantAsync(government.Id, "Dana Deputy");
        var (officer, officerGrant) = await GrantAsync(company.Id, "Olga Officer");
        // A focal point of an organisation that endorsed nothing in the cycle, and a revoked one: not invited.
        var (outsider, _) = await GrantAsync(bystander.Id, "Otto Outsider");
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<ReportingDesk>().RevokeFocalPointAsync(deputyGrant, "Moved on", Organiser)).Succeeded);

        var summit = await app.WithDbAsync(db => db.Summits.AsNoTracking().FirstAsync(s => s.Id == statement.SummitId));
        var (opensUtc, deadlineUtc) = (WholeMinute().AddHours(-5), WholeMinute().AddDays(30));
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var manage = await organiser.GetPageAsync("/Reporting/Manage");
        var title = $"Biennial {Guid.NewGuid():N}"[..20];
        var (_, opened) = await organiser.SubmitAndFollowAsync(manage, "form#open-form", new Dictionary<string, string>
        {
            ["Cycle.Title"] = title, ["Cycle.SummitId"] = summit.Id.ToString(), ["Cycle.StatementIds"] = statement.Id.ToString(),
            ["Cycle.Opens"] = summit.ToLocal(opensUtc).ToString("yyyy-MM-ddTHH:mm"), ["Cycle.Deadline"] = summit.ToLocal(deadlineUtc).ToString("yyyy-MM-ddTHH:mm"),
        });
        Assert.Contains("2 focal points invited to report.", Status(opened));
        var cycle = await app.WithDbAsync(db => db.ReportingCycles.AsNoTracking().SingleAsync(c => c.Title == title));
        var expected = new[] { (minister.Id, ministerGrant), (officer.Id, officerGrant) }.Order().ToList();
        Assert.Equal(expected, await InvitationsAsync(cycle.Id));
        Assert.EndsWith("; invitations queued for 2 focal points", await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == "reporting-cycle.opened" && e.SubjectId == cycle.Id.ToString()).Select(e => e.Summary).SingleAsync()));

        // The sweep (every minute, on every node) and the desk again: nothing more is owed.
        await SweepAsync();
        await SweepAsync();
        using (var scope = app.Services.CreateScope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<ReportingDesk>().InviteAsync(cycle.Id, Organiser);
            Assert.False(again.Succeeded);
            Assert.Contains("already invited", again.Message);
        }
        Assert.Equal(expected, await InvitationsAsync(cycle.Id));
        Assert.Equal(2, await app.WithDbAsync(db => db.ReportInvitations.CountAsync(i => i.CycleId == cycle.Id)));
        Assert.Equal(["reporting-cycle.opened"], await app.AuditActionsAsync(nameof(ReportingCycle), cycle.Id));
        Assert.DoesNotContain(await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKinds.ReportingInvitation).Select(n => n.RecipientUserId).ToListAsync()), id => id == outsider.Id);

        // The letter: the cycle's title, its window and deadline in the summit's zone, the report's public address.
        var mail = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(x => x.Address == minister.Email) && (m.Subject ?? "").Contains(title));
        Assert.Equal($"Invitation to report on {government.FormalName}'s commitments: {title}", mail.Subject);
        var english = InterfaceLanguages.FormattingCulture(InterfaceLanguages.Default);
        string InDubai(DateTime utc) => $"{summit.ToLocal(utc).ToString("dddd d MMMM yyyy, HH:mm", english)} (Asia/Dubai)";
        Assert.Equal("Asia/Dubai", summit.TimeZoneId);
        Assert.Contains($"Reports can be drafted from {InDubai(opensUtc)}; the deadline for submitting is {InDubai(deadlineUtc)}.", mail.TextBody);
        Assert.Contains($"{SummitAppFactory.PublicBaseUrl}{ReportingData.ReportUrl(cycle.Id, government.Id)}", mail.TextBody);
    }

    [Fact]
    public async Task A_focal_point_granted_while_a_cycle_is_open_is_invited_once_and_to_a_later_cycle_when_it_opens()
    {
        var organisation = await app.OrganisationAsync();
        var statement = await app.PublishedStatementAsync([organisation]);
        var open = await app.CycleAsync(statement.SummitId, [statement.Id], app.UtcNow.AddDays(30));
        var opensLater = WholeMinute().AddDays(2);
        var later = await LaterCycleAsync(statement, opensLater, opensLater.AddDays(30));
        Assert.Empty(await InvitationsAsync(open.Id));

        var user = await app.CreateUserAsync(fullName: "Gina Granted");
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var grant = new Dictionary<string, string> { ["Grant.Email"] = user.Email!, ["Grant.OrganisationId"] = organisation.Id.ToString() };
        var (_, granted) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync("/Reporting/Manage"), "form#grant-form", grant);
        Assert.Contains("Gina Granted is now a reporting focal point", Status(granted));
        var focalPoint = await app.WithDbAsync(db => db.ReportingFocalPoints.AsNoTracking().SingleAsync(f => f.UserId == user.Id));
        Assert.Equal([(user.Id, focalPoint.Id)], await InvitationsAsync(open.Id));
        Assert.Empty(await InvitationsAsync(later.Id));
        Assert.EndsWith($"; invited to report in cycle {open.Id}", await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == "reporting-focal-point.granted" && e.SubjectId == focalPoint.Id.ToString()).Select(e => e.Summary).SingleAsync()));

        // A double click grants nothing and invites no one again; nor does the sweep.
        var (_, twice) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync("/Reporting/Manage"), "form#grant-form", grant);
        Assert.Contains("already a reporting focal point", twice.QuerySelector("main")!.TextContent);
        await SweepAsync();
        Assert.Equal([(user.Id, focalPoint.Id)], await InvitationsAsync(open.Id));
        Assert.Empty(await InvitationsAsync(later.Id));
        var mail = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(x => x.Address == user.Email) && (m.Subject ?? "").Contains(open.Title));
        Assert.Contains(ReportingData.ReportUrl(open.Id, organisation.Id), mail.TextBody);

        // The later cycle opens: the sweep invites them to it, once, as the system.
        app.Clock.SetUtcNow(opensLater.AddMinutes(1));
        await SweepAsync();
        await SweepAsync();
        Assert.Equal([(user.Id, focalPoint.Id)], await InvitationsAsync(later.Id));
        Assert.Equal([(user.Id, focalPoint.Id)], await InvitationsAsync(open.Id));
        Assert.Equal(["reporting-cycle.opened", "reporting-cycle.invited"], await app.AuditActionsAsync(nameof(ReportingCycle), later.Id));
        Assert.Equal("Reporting sweep", await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == "reporting-cycle.invited" && e.SubjectId == later.Id.ToString()).Select(e => e.ActorName).SingleAsync()));
        await app.WaitForMailAsync(m => m.To.Mailboxes.Any(x => x.Address == user.Email) && (m.Subject ?? "").Contains(later.Title));
    }

    [Fact]
    public async Task An_invitation_composed_after_the_deadline_writes_no_letter_and_a_closed_cycle_invites_no_one()
    {
        var organisation = await app.OrganisationAsync();
        var statement = await app.PublishedStatementAsync([organisation]);
        var deadline = app.UtcNow.AddMinutes(30);
        var cycle = await app.CycleAsync(statement.SummitId, [statement.Id], deadline);
        var (user, focalPointId) = await GrantAsync(organisation.Id, "Late Letter");
        var invitation = await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .SingleAsync(n => n.Kind == NotificationKinds.ReportingInvitation && n.RecipientUserId == user.Id));

        // Composed after the deadline: nothing left to invite to (the notification job then writes no mail).
        app.Clock.SetUtcNow(deadline.AddMinutes(1));
        using (var scope = app.Services.CreateScope())
            Assert.Null(await scope.ServiceProvider.GetRequiredService<NotificationLetters>().ComposeAsync(invitation, CancellationToken.None));
        using (var scope = app.Services.CreateScope())
        {
            var closed = await scope.ServiceProvider.GetRequiredService<ReportingDesk>().InviteAsync(cycle.Id, Organiser);
            Assert.Contains("not open", closed.Message);
        }
        Assert.Equal([(user.Id, focalPointId)], await InvitationsAsync(cycle.Id));
    }

    /// <summary>A cycle on the statement whose window opens later (typed in the summit's zone, as organisers do).</summary>
    private async Task<ReportingCycle> LaterCycleAsync(Statement statement, DateTime opensUtc, DateTime deadlineUtc)
    {
        using var scope = app.Services.CreateScope();
        var summit = await app.WithDbAsync(db => db.Summits.AsNoTracking().FirstAsync(s => s.Id == statement.SummitId));
        var result = await scope.ServiceProvider.GetRequiredService<ReportingDesk>().OpenCycleAsync(summit.Id, $"Later {Guid.NewGuid():N}"[..16],
            summit.ToLocal(opensUtc), summit.ToLocal(deadlineUtc), [statement.Id], Organiser);
        Assert.True(result.Succeeded, result.Message);
        return result.Value!;
    }
}
