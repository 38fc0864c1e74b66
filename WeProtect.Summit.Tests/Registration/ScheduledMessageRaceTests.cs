using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Messages;

namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>Sweeps that run at once (two nodes, or the minutely job overlapping a start-up one) expand a due message
/// into its recipients exactly once; a cancellation racing the sweeps either wins outright or loses outright.</summary>
public class ScheduledMessageRaceTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private async Task<(Data.Summits.Summit Summit, List<int> Approved)> SummitWithDelegatesAsync(int count)
    {
        var summit = await app.CreateOpenSummitAsync();
        var approved = new List<int>();
        for (var i = 0; i < count; i++) approved.Add((await app.ApprovedDelegateAsync(summit.Id)).Registration.Id);
        return (summit, approved);
    }

    private async Task<DelegateMessage> ScheduleAsync(int summitId)
    {
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<MessageDesk>().ScheduleAsync(summitId, Guid.NewGuid(), "Raced", "Dear {FullName}",
            "en", [], new RegistrationFilter { Status = RegistrationStatus.Approved }, app.UtcNow.AddMinutes(1), new AuditActor(null, "Organiser"));
        Assert.True(result.Succeeded, result.Message);
        return result.Value!;
    }

    private Task<T[]> AtOnceAsync<T>(int count, Func<IServiceProvider, int, Task<T>> act)
    {
        var start = new TaskCompletionSource();
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await start.Task;
            using var scope = app.Services.CreateScope();
            return await act(scope.ServiceProvider, i);
        })).ToList();
        start.SetResult();
        return Task.WhenAll(tasks);
    }

    [Fact]
    public async Task Six_organisers_scheduling_the_same_standard_reminder_at_once_schedule_it_once()
    {
        var summit = await app.CreateOpenSummitAsync();
        var form = $"#standard-reminders li[data-reminder='{StandardReminders.SummitStarts}'] form";
        // Each organiser's own page, so each post carries its own form key (the key stops only a repeated post).
        var organisers = new List<(FormClient Client, AngleSharp.Html.Dom.IHtmlDocument Page)>();
        for (var i = 0; i < 6; i++)
        {
            var client = await app.LoggedInClientAsync(Data.Accounts.Roles.Organiser);
            organisers.Add((client, await client.GetPageAsync($"/Registration/Manage/Messages/{summit.Id}")));
        }

        var answers = await AtOnceAsync(organisers.Count, async (_, i) =>
        {
            var (response, after) = await organisers[i].Client.SubmitAndFollowAsync(organisers[i].Page, form);
            return (response.StatusCode, Status: after.QuerySelector("#status")?.TextContent ?? "");
        });

        Assert.Equal(1, await app.WithDbAsync(db => db.DelegateMessages.CountAsync(m => m.SummitId == summit.Id && m.Reminder == StandardReminders.SummitStarts)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Single(answers, a => !a.Status.Contains("is already scheduled or sent"));
        foreach (var (client, _) in organisers) client.Dispose();
    }

    [Fact]
    public async Task Eight_sweeps_at_once_write_one_set_of_recipients_and_notifications()
    {
        var (summit, approved) = await SummitWithDelegatesAsync(12);
        var message = await ScheduleAsync(summit.Id);
        app.Clock.Advance(TimeSpan.FromMinutes(2));

        var sent = await AtOnceAsync(8, (services, _) => services.GetRequiredService<MessageDesk>().SendDueAsync());

        Assert.True(sent.Sum() <= 1, $"{sent.Sum()} sweeps sent message {message.Id}");   // the app's own minutely sweep may have been first
        var recipients = await app.WithDbAsync(db => db.DelegateMessageRecipients.AsNoTracking().Where(r => r.MessageId == message.Id).ToListAsync());
        Assert.Equal(approved.Order(), recipients.Select(r => r.RegistrationId).Order());
        var notificationIds = recipients.Select(r => r.NotificationId).ToList();
        Assert.Equal(approved.Count, notificationIds.Distinct().Count(id => id != null));
        var recipientIds = recipients.Select(r => r.Id).ToList();
        Assert.Equal(approved.Count, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == Data.Notifications.NotificationKinds.DelegateMessage
            && recipientIds.Contains(n.SubjectId))));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "message.sent" && e.Summary.StartsWith($"Scheduled message {message.Id} "))));
        Assert.Equal(approved.Count, (await app.WithDbAsync(db => db.DelegateMessages.AsNoTracking().SingleAsync(m => m.Id == message.Id))).RecipientCount);
    }

    [Fact]
    public async Task A_cancellation_racing_the_sweeps_either_stops_the_message_or_is_refused()
    {
        var (summit, approved) = await SummitWithDelegatesAsync(6);
        var message = await ScheduleAsync(summit.Id);
        app.Clock.Advance(TimeSpan.FromMinutes(2));

        var answers = await AtOnceAsync(5, async (services, i) => i == 0
            ? (object)await services.GetRequiredService<MessageDesk>().CancelAsync(summit.Id, message.Id, new AuditActor(null, "Organiser"))
            : await services.GetRequiredService<MessageDesk>().SendDueAsync());

        var cancel = (DeskResult)answers[0];
        var stored = await app.WithDbAsync(db => db.DelegateMessages.AsNoTracking().SingleAsync(m => m.Id == message.Id));
        var recipients = await app.WithDbAsync(db => db.DelegateMessageRecipients.CountAsync(r => r.MessageId == message.Id));
        if (cancel.Succeeded)
        {
            Assert.NotNull(stored.CancelledUtc);
            Assert.Null(stored.SentUtc);
            Assert.Equal(0, recipients);
        }
        else
        {
            Assert.Contains("already been sent", cancel.Message);
            Assert.Null(stored.CancelledUtc);
            Assert.Equal(approved.Count, recipients);
        }
    }
}
