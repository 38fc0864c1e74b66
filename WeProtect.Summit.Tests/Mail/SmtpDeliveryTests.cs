using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Mail;

using Registration = WeProtect.Summit.Data.Registrations.Registration;

/// <summary>Mail as production sends it, to a real SMTP server on 127.0.0.1 (STARTTLS, AUTH): what a server that is
/// down, busy or refusing does to a notification. Down or busy: the row stays unsent, says why, waits its back-off and
/// goes once the server is back — never lost, never sent twice. A recipient refused for good (5xx): recorded, not
/// retried. Organisers see both on the Outbox page.</summary>
public class SmtpDeliveryTests(SmtpAppFactory app) : IClassFixture<SmtpAppFactory>
{
    private TestSmtpServer Smtp => app.Smtp;

    private async Task<(SummitUser User, Registration Registration)> RegisterAsync(int? summitId = null, int? organisationId = null)
    {
        summitId ??= (await app.CreateOpenSummitAsync()).Id;
        organisationId ??= (await app.CreateOrganisationAsync()).Id;
        var user = await app.CreateUserAsync();
        return (user, await app.RegisterAsync(user, summitId.Value, organisationId.Value));
    }

    private Task<Notification> ReceiptOfAsync(Registration registration) => app.WithDbAsync(db => db.Notifications.AsNoTracking()
        .SingleAsync(n => n.Kind == NotificationKinds.RegistrationReceived && n.SubjectId == registration.Id));

    private IReadOnlyList<TestSmtpServer.Received> MailTo(string email) =>
        Smtp.Messages.Where(m => m.Message.To.Mailboxes.Any(a => a.Address == email)).ToList();

    private async Task SweepAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<NotificationSweep>().RunAsync(CancellationToken.None);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        for (var waited = 0; waited < 60_000; waited += 100)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"Not within 60 s: {what}");
    }

    [Fact]
    public async Task A_notification_goes_encrypted_and_authenticated_with_its_own_message_id_and_link()
    {
        var (user, registration) = await RegisterAsync();
        await WaitUntilAsync(() => Task.FromResult(MailTo(user.Email!).Count > 0), "the receipt reaches the server");

        var received = Assert.Single(MailTo(user.Email!));
        Assert.True(received.Secure, "the message went over a connection without STARTTLS");
        Assert.Equal(TestSmtpServer.User, received.User);
        // The server has the message a moment before the job marks it sent.
        await WaitUntilAsync(async () => (await ReceiptOfAsync(registration)).SentUtc is not null, "the notification is marked sent");
        var notification = await ReceiptOfAsync(registration);
        Assert.Equal(NotificationJob.MessageIdOf(notification), received.Message.MessageId);
        Assert.StartsWith("Registration received: ", received.Message.Subject);
        Assert.Contains($"{SummitAppFactory.PublicBaseUrl}/Registration/Details/{registration.Id}", received.Message.TextBody);
        Assert.NotNull(notification.SentUtc);
    }

    [Fact]
    public async Task A_server_that_is_down_leaves_the_notification_unsent_retried_after_a_back_off_and_sent_once()
    {
        await Smtp.StopAsync();
        try
        {
            var (user, registration) = await RegisterAsync();
            await WaitUntilAsync(async () => (await ReceiptOfAsync(registration)).LastError is not null, "the failed attempt is recorded");
            var failed = await ReceiptOfAsync(registration);
            Assert.Null(failed.SentUtc);
            Assert.Null(failed.FailedUtc);
            Assert.Equal(1, failed.Attempts);
            // (to the microsecond: the databases keep no finer time)
            Assert.Equal(app.UtcNow + Notification.Backoff(1), failed.NextAttemptUtc!.Value, TimeSpan.FromMilliseconds(1));

            // Before the back-off is over, neither the sweep nor a stray job tries again.
            await SweepAsync();
            using (var scope = app.Services.CreateScope())
                await scope.ServiceProvider.GetRequiredService<NotificationJob>().SendAsync(failed.Id, CancellationToken.None);
            Assert.Equal(1, (await ReceiptOfAsync(registration)).Attempts);

            // The organiser sees it waiting.
            var organiser = await app.LoggedInClientAsync(Roles.Organiser);
            var outbox = await organiser.GetPageAsync("/Outbox");
            var row = outbox.QuerySelector($"#undelivered tr[data-notification='{failed.Id}']");
            Assert.NotNull(row);
            Assert.Contains("Retrying after", row.TextContent);
            Assert.Contains("could not be reached", row.TextContent);

            Smtp.Start();
            app.Clock.Advance(Notification.Backoff(1) + TimeSpan.FromSeconds(1));
            await SweepAsync();
            await WaitUntilAsync(async () => (await ReceiptOfAsync(registration)).SentUtc is not null, "the retry sends it");
            Assert.Single(MailTo(user.Email!));
            var sent = await ReceiptOfAsync(registration);
            Assert.Equal(2, sent.Attempts);
            Assert.Null(sent.LastError);
        }
        finally { Smtp.Start(); }
    }

    [Fact]
    public async Task A_busy_server_answering_4xx_is_waited_for()
    {
        Smtp.Busy = true;
        try
        {
            var (user, registration) = await RegisterAsync();
            await WaitUntilAsync(async () => (await ReceiptOfAsync(registration)).LastError is not null, "the refusal is recorded");
            var refused = await ReceiptOfAsync(registration);
            Assert.Contains("451", refused.LastError);
            Assert.Null(refused.FailedUtc);
            Assert.NotNull(refused.NextAttemptUtc);

            Smtp.Busy = false;
            app.Clock.Advance(Notification.Backoff(refused.Attempts) + TimeSpan.FromSeconds(1));
            await SweepAsync();
            await WaitUntilAsync(async () => (await ReceiptOfAsync(registration)).SentUtc is not null, "the retry sends it");
            Assert.Single(MailTo(user.Email!));
        }
        finally { Smtp.Busy = false; }
    }

    [Fact]
    public async Task A_recipient_refused_for_good_is_recorded_and_not_retried()
    {
        var user = await app.CreateUserAsync();
        Smtp.RefusedRecipients[user.Email!] = true;
        var summit = await app.CreateOpenSummitAsync();
        var registration = await app.RegisterAsync(user, summit.Id, (await app.CreateOrganisationAsync()).Id);

        await WaitUntilAsync(async () => (await ReceiptOfAsync(registration)).FailedUtc is not null, "the refusal is final");
        var refused = await ReceiptOfAsync(registration);
        Assert.Contains("550", refused.LastError);
        Assert.Null(refused.SentUtc);
        Assert.Null(refused.NextAttemptUtc);
        Assert.Equal(1, refused.Attempts);

        app.Clock.Advance(TimeSpan.FromHours(2));
        await SweepAsync();
        await Task.Delay(1000);
        Assert.Equal(1, (await ReceiptOfAsync(registration)).Attempts);
        Assert.Empty(MailTo(user.Email!));

        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var row = (await organiser.GetPageAsync("/Outbox")).QuerySelector($"#undelivered tr[data-notification='{refused.Id}']");
        Assert.NotNull(row);
        Assert.Contains("Refused", row.TextContent);
    }

    [Fact]
    public async Task The_server_stopped_mid_burst_loses_nothing_and_doubles_nothing()
    {
        const int burst = 30;
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var users = new List<SummitUser>();
        for (var i = 0; i < burst; i++) users.Add(await app.CreateUserAsync());
        var emails = users.Select(u => u.Email!).ToHashSet();
        int Delivered() => Smtp.Messages.Count(m => m.Message.To.Mailboxes.Any(a => emails.Contains(a.Address)));

        var registrations = new List<Registration>();
        try
        {
            foreach (var user in users)
            {
                registrations.Add(await app.RegisterAsync(user, summit.Id, organisation.Id));
                // Mid-burst: once a few have gone, the server goes down while the rest are written and sent.
                if (Smtp.IsRunning && Delivered() >= 5) await Smtp.StopAsync();
                if (Smtp.IsRunning && registrations.Count == burst / 2)
                {
                    await WaitUntilAsync(() => Task.FromResult(Delivered() >= 5), "the first messages go");
                    await Smtp.StopAsync();
                }
            }
            var ids = registrations.Select(r => r.Id).ToList();
            Task<List<Notification>> RowsAsync() => app.WithDbAsync(db => db.Notifications.AsNoTracking()
                .Where(n => n.Kind == NotificationKinds.RegistrationReceived && ids.Contains(n.SubjectId)).ToListAsync());
            // Every message has been tried: sent before the stop, or failed and waiting.
            await WaitUntilAsync(async () => (await RowsAsync()).All(n => n.SentUtc is not null || n.NextAttemptUtc is not null),
                "every message is sent or waiting for its retry");
            var waiting = (await RowsAsync()).Count(n => n.SentUtc is null);
            Assert.True(waiting > 0, "the server stopped after every message had gone: the test proved nothing");
            Assert.All(await RowsAsync(), n => Assert.Null(n.FailedUtc));

            Smtp.Start();
            app.Clock.Advance(Notification.Backoff(1) + TimeSpan.FromSeconds(1));
            await SweepAsync();
            await WaitUntilAsync(async () => (await RowsAsync()).All(n => n.SentUtc is not null), "every message is sent after the server returns");

            var rows = await RowsAsync();
            Assert.Equal(burst, rows.Count);
            var messageIds = Smtp.Messages.Where(m => m.Message.To.Mailboxes.Any(a => emails.Contains(a.Address)))
                .Select(m => m.Message.MessageId).ToList();
            Assert.Equal(burst, messageIds.Count);
            Assert.Equal(rows.Select(NotificationJob.MessageIdOf).Order(), messageIds.Order());
            Assert.All(users, u => Assert.Single(MailTo(u.Email!)));
        }
        finally { Smtp.Start(); }
    }
}
