using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Registration;

/// <summary>A message to many delegates whose sending dies half-way (<see cref="MessageCrashApp"/>): three sent, one in
/// a dead worker's hands, two never handed over. The sweep sends the two at once, the one held by the dead worker once
/// its claim has run out, and running every job again afterwards sends nothing: each delegate receives the message
/// exactly once. (The one window this cannot close: a mail that left before the dead worker stamped it goes again
/// after the claim; it carries the same Message-ID, by which mail systems drop the copy.)</summary>
public class MessageCrashResumeTests(MessageCrashApp app) : IClassFixture<MessageCrashApp>
{
    private async Task SweepAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<NotificationSweep>().RunAsync(CancellationToken.None);
    }

    private int LettersTo(string email, string subject) => app.MailTo(email).Count(m => m.Subject == subject);

    /// <summary>Sent and stamped: how many of <paramref name="notifications"/> have their <c>SentUtc</c>.</summary>
    private Task<int> StampedAsync(IReadOnlyCollection<long> notifications) =>
        app.WithDbAsync(db => db.Notifications.CountAsync(n => notifications.Contains(n.Id) && n.SentUtc != null));

    /// <summary>Waits until <paramref name="letters"/> delegates have the message once and as many notifications are
    /// stamped sent (a mail leaves before its row is stamped: moving the clock in between would let the sweep take
    /// the claim of a live worker), sweeping every two seconds as the recurring sweep does every minute: a job that
    /// failed for a moment (a busy database on a loaded machine) is handed over again, never sent twice.</summary>
    private async Task WaitUntilAsync(Func<int> received, int letters, IReadOnlyCollection<long> notifications)
    {
        async Task<bool> Done() => received() == letters && await StampedAsync(notifications) == letters;
        for (var waited = 0; waited < 60_000 && !await Done(); waited += 100)
        {
            await Task.Delay(100);
            if (waited % 2_000 == 1_900) await SweepAsync();
        }
        if (await Done()) return;
        var rows = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => notifications.Contains(n.Id)).OrderBy(n => n.Id)
            .Select(n => $"#{n.Id} claimed {n.ClaimedUtc:O} sent {n.SentUtc:O} attempts {n.Attempts} next {n.NextAttemptUtc:O} error {n.LastError}").ToListAsync());
        Assert.Fail($"timed out at {app.UtcNow:O}:\n{string.Join("\n", rows)}");
    }

    [Fact]
    public async Task A_send_that_died_half_way_is_finished_by_the_sweep_and_nobody_gets_the_message_twice()
    {
        var summit = await app.CreateOpenSummitAsync();
        var delegates = new List<SummitUser>();
        foreach (var name in new[] { "Ana Silva", "Ben Okafor", "Chloé Martin", "Dmitri Ivanov", "Esi Mensah", "Farah Haddad" })
            delegates.Add((await app.ApprovedDelegateAsync(summit.Id, name)).User);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Registration/Manage/Messages/{summit.Id}?status=Approved");
        var form = page.QuerySelector("#message-form")!;
        form.SetAttribute("action", page.QuerySelector("#send-button")!.GetAttribute("formaction")!);
        var sent = await organiser.SubmitAsync(page, "#message-form", new Dictionary<string, string>
        {
            ["Subject"] = "Programme for {SummitName}", ["Body"] = "Dear {FullName},\nThe programme is attached to your registration.",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var subject = $"Programme for {summit.Name}";
        var message = await app.WithDbAsync(db => db.DelegateMessages.AsNoTracking().SingleAsync(m => m.SummitId == summit.Id));
        Assert.Equal(6, message.RecipientCount);
        var notifications = await app.WithDbAsync(db => db.DelegateMessageRecipients.Where(r => r.MessageId == message.Id)
            .Select(r => r.NotificationId!.Value).OrderBy(id => id).ToListAsync());
        Assert.Equal(6, notifications.Count);
        var heldByTheDead = notifications[MessageCrashApp.SentBeforeCrash];

        // The crash: three went, the fourth is claimed by the dead worker and unsent.
        Assert.Equal(MessageCrashApp.SentBeforeCrash, delegates.Count(d => LettersTo(d.Email!, subject) == 1));
        var held = await app.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == heldByTheDead));
        Assert.Null(held.SentUtc);
        Assert.NotNull(held.ClaimedUtc);

        // The sweep (at start-up, or its minute) sends the two never handed over, and leaves the claimed one alone.
        await SweepAsync();
        await WaitUntilAsync(() => delegates.Count(d => LettersTo(d.Email!, subject) == 1), 5, notifications);
        Assert.Null(await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == heldByTheDead).Select(n => n.SentUtc).SingleAsync()));

        // Once the dead worker's claim has run out, the sweep sends that one too.
        app.Clock.Advance(Notification.ClaimLease + TimeSpan.FromMinutes(1));
        await SweepAsync();
        await WaitUntilAsync(() => delegates.Count(d => LettersTo(d.Email!, subject) == 1), delegates.Count, notifications);

        // Everything run again, as a restarted node or a repeated job would: nothing more is sent.
        foreach (var id in notifications)
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<NotificationJob>().SendAsync(id, CancellationToken.None);
        }
        await SweepAsync();
        await Task.Delay(1000);
        Assert.All(delegates, d => Assert.Equal(1, LettersTo(d.Email!, subject)));
        Assert.Equal(6, await StampedAsync(notifications));

        // The message's page shows everyone as sent.
        var detail = await organiser.GetPageAsync(sent.Location());
        Assert.Equal(6, detail.QuerySelectorAll("#message-recipients tbody tr").Length);
        Assert.DoesNotContain("Waiting to be sent", detail.QuerySelector("#message-recipients")!.TextContent);
    }
}
