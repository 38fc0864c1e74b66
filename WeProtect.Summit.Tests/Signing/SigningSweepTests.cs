using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using WeProtect.Summit.Data;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Signing;

/// <summary>The signing sweep, called directly with the app's clock moved forward: invitations once, reminders once to the
/// organisations that have not signed, closing at the window's end, and nothing twice.</summary>
public class SigningSweepTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    /// <summary>Moves the app's clock to <paramref name="now"/> (forward only) and runs the sweep as Hangfire would.</summary>
    private Task SweepAsync(DateTime now) => SweepAsync(app.Services, now);

    private async Task SweepAsync(IServiceProvider root, DateTime now)
    {
        app.Clock.SetUtcNow(new DateTimeOffset(now, TimeSpan.Zero));
        using var scope = root.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SigningSweep>().RunAsync(CancellationToken.None);
    }

    private Task<List<(string Kind, int Subject)>> NotificationsAsync(IEnumerable<int> authorityIds) => app.WithDbAsync(async db =>
    {
        var ids = authorityIds.ToList();
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => (n.Kind == NotificationKinds.SigningInvitation || n.Kind == NotificationKinds.SigningReminder) && ids.Contains(n.SubjectId))
            .Select(n => new { n.Kind, n.SubjectId }).ToListAsync();
        return rows.Select(r => (r.Kind, r.SubjectId)).Order().ToList();
    });

    [Fact]
    public async Task Invitations_then_reminders_to_those_who_have_not_signed_then_closing_each_once()
    {
        // The scenario's "now" is two hours ahead, so that the clock only moves forward from here; whole seconds, because
        // a stored time keeps microseconds (PostgreSQL's precision on every provider), not 100 ns ticks.
        var now = app.UtcNow.AddHours(2);
        now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond + TimeSpan.TicksPerSecond, DateTimeKind.Utc);   // rounded up: the fake clock never goes back
        var (statement, final) = await app.OpenStatementAsync(SigningData.TextForGovernments, opens: now.AddHours(-1), closes: now.AddDays(5));
        var signedGov = await app.OrganisationAsync(Sector.Government);
        var quietGov = await app.OrganisationAsync(Sector.Government);
        var ngo = await app.OrganisationAsync(Sector.CivilSociety);
        var a = await app.SignatoryAsync(signedGov.Id, "Signer A");
        var b = await app.SignatoryAsync(signedGov.Id, "Signer B");
        var c = await app.SignatoryAsync(quietGov.Id, "Signer C");
        var d = await app.SignatoryAsync(ngo.Id, "Signer D");
        // Granted, then two-factor turned off: no message until it is on again.
        var e = await app.SignatoryAsync(quietGov.Id, "Signer E");
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == e.User.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TwoFactorEnabled, false)));
        var all = new[] { a, b, c, d, e }.Select(s => s.AuthorityId).ToList();

        // Before the window opens: nothing. (The app's own sweep runs on real time beside the test and may already have
        // invited: a sweep before the opening adds nothing to what is there.)
        var already = await NotificationsAsync(all);
        await SweepAsync(now.AddHours(-2));
        Assert.Equal(already, await NotificationsAsync(all));
        Assert.DoesNotContain(already, n => n.Kind == NotificationKinds.SigningReminder);

        await SweepAsync(now);
        await SweepAsync(now.AddMinutes(1));
        var invitations = (await NotificationsAsync(all)).ToList();
        Assert.Equal(new[] { a, b, c }.Select(s => (NotificationKinds.SigningInvitation, s.AuthorityId)).Order(), invitations);
        Assert.NotNull(await app.WithDbAsync(db => db.Statements.Where(s => s.Id == statement.Id).Select(s => s.InvitationsQueuedUtc).SingleAsync()));
        var invitation = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(x => x.Address == c.User.Email) && (m.Subject ?? "").StartsWith("Open for signature"));
        Assert.Contains(statement.Title, invitation.TextBody);
        Assert.Contains("/Signing", invitation.TextBody);

        await app.EndorseAsync(statement, final, signedGov, "Signer A");

        // More than 48 hours before closing: no reminder yet.
        await SweepAsync(now.AddDays(2));
        Assert.DoesNotContain(await NotificationsAsync(all), n => n.Kind == NotificationKinds.SigningReminder);
        // Within 48 hours: reminders to the signatories of the organisation that has not signed, once.
        await SweepAsync(now.AddDays(3).AddHours(1));
        await SweepAsync(now.AddDays(3).AddHours(2));
        var reminders = (await NotificationsAsync(all)).Where(n => n.Kind == NotificationKinds.SigningReminder).ToList();
        Assert.Equal([(NotificationKinds.SigningReminder, c.AuthorityId)], reminders);
        var reminder = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(x => x.Address == c.User.Email) && (m.Subject ?? "").StartsWith("Reminder"));
        Assert.Contains(statement.Title, reminder.TextBody);
        Assert.Equal(StatementStatus.OpenForSignature, await app.WithDbAsync(db => db.Statements.Where(s => s.Id == statement.Id).Select(s => s.Status).SingleAsync()));

        // At the window's end the statement closes, once, with an audit event.
        var end = now.AddDays(5);
        await SweepAsync(end);
        await SweepAsync(end.AddMinutes(1));
        var closed = await app.WithDbAsync(db => db.Statements.AsNoTracking().SingleAsync(s => s.Id == statement.Id));
        Assert.Equal(StatementStatus.Closed, closed.Status);
        Assert.Equal(end, closed.ClosedUtc);
        Assert.Single(await app.AuditActionsAsync("Statement", statement.Id), x => x == "statement.signing-closed");
        Assert.Equal(4, (await NotificationsAsync(all)).Count);
    }

    [Fact]
    public async Task Sweeps_running_at_once_invite_once_and_close_once()
    {
        var now = app.UtcNow.AddHours(2);
        now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond + TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var (statement, _) = await app.OpenStatementAsync(SigningData.TextForAll, opens: now.AddHours(-1), closes: now.AddDays(5));
        var signatories = new List<SignedInSignatory>();
        for (var i = 0; i < 3; i++) signatories.Add(await app.SignatoryAsync((await app.OrganisationAsync(Sector.Government)).Id, $"Parallel Signer {i}"));
        var all = signatories.Select(s => s.AuthorityId).ToList();

        // Six sweeps at once (as six Hangfire workers, of one node or several, would run them), each with its own
        // scope and connection: the conditional update on InvitationsQueuedUtc lets one queue the invitations.
        async Task SweepsAtOnceAsync(DateTime at)
        {
            app.Clock.SetUtcNow(new DateTimeOffset(at, TimeSpan.Zero));
            await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            {
                using var scope = app.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<SigningSweep>().RunAsync(CancellationToken.None);
            })));
        }
        await SweepsAtOnceAsync(now);
        Assert.Equal(all.Select(id => (NotificationKinds.SigningInvitation, id)).Order(), await NotificationsAsync(all));

        // At the window's end: closed once (the statement's concurrency token refuses the other sweeps' saves).
        var end = now.AddDays(5);
        await SweepsAtOnceAsync(end);
        var closed = await app.WithDbAsync(db => db.Statements.AsNoTracking().SingleAsync(s => s.Id == statement.Id));
        Assert.Equal(StatementStatus.Closed, closed.Status);
        Assert.Equal(end, closed.ClosedUtc);
        Assert.Single(await app.AuditActionsAsync("Statement", statement.Id), x => x == "statement.signing-closed");
        // The reminders' hour passed unswept here: only the invitations were ever queued.
        Assert.Equal(3, (await NotificationsAsync(all)).Count);
    }
}
