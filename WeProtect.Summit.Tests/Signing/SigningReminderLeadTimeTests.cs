using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Signing;

/// <summary>The reminder lead time is a setting: with six hours, nothing at seven hours before closing, a reminder at five.</summary>
public class SigningReminderLeadTimeTests(SixHourReminderApp app) : IClassFixture<SixHourReminderApp>
{
    private async Task SweepAsync(DateTime now)
    {
        app.Clock.SetUtcNow(new DateTimeOffset(now, TimeSpan.Zero));
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SigningSweep>().RunAsync(CancellationToken.None);
    }

    private Task<bool> RemindedAsync(int authorityId) => app.WithDbAsync(db => db.Notifications.AsNoTracking()
        .AnyAsync(n => n.Kind == NotificationKinds.SigningReminder && n.SubjectId == authorityId));

    [Fact]
    public async Task The_reminder_lead_time_is_configurable()
    {
        var now = app.UtcNow;
        var (statement, _) = await app.OpenStatementAsync(opens: now.AddHours(-1), closes: now.AddDays(1));
        var organisation = await app.OrganisationAsync();
        var signatory = await app.SignatoryAsync(organisation.Id);
        await SweepAsync(now);
        // Seven hours before closing: within the default 48 hours, but not within six.
        await SweepAsync(now.AddDays(1).AddHours(-7));
        Assert.False(await RemindedAsync(signatory.AuthorityId));
        await SweepAsync(now.AddDays(1).AddHours(-5));
        Assert.True(await RemindedAsync(signatory.AuthorityId));
        Assert.NotNull(await app.WithDbAsync(db => db.Statements.Where(s => s.Id == statement.Id).Select(s => s.RemindersQueuedUtc).SingleAsync()));
    }
}
