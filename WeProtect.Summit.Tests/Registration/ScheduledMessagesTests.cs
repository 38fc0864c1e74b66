using System.Globalization;
using WeProtect.Summit.Data.Messages;
using WeProtect.Summit.Data.Summits;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>Scheduled messages and standard reminders: kept with their filter, sent by the sweep once their time has
/// come (on the app's clock) to the delegates who match then, each once, cancellable until they go, and listed in the
/// history.</summary>
public class ScheduledMessagesTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Messages(int summitId, string query = "") => $"/Registration/Manage/Messages/{summitId}{query}";

    private async Task SweepAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ScheduledMessageSweep>().RunAsync(CancellationToken.None);
    }

    private Task<List<int>> RecipientsOfAsync(int messageId) =>
        app.WithDbAsync(db => db.DelegateMessageRecipients.Where(r => r.MessageId == messageId).Select(r => r.RegistrationId).ToListAsync());

    private static string Local(Data.Summits.Summit summit, DateTime utc) =>
        summit.ToLocal(utc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_message_scheduled_in_the_summits_time_zone_goes_once_its_time_has_come_to_those_who_match_then()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var early = await app.RegisterAsync(await app.CreateUserAsync(fullName: "Early Pending"), summit.Id, organisation.Id);
        await app.ApprovedDelegateAsync(summit.Id, "Already Approved");
        using var client = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await client.GetPageAsync(Messages(summit.Id, "?status=Pending"));
        var sendAtUtc = app.UtcNow.AddHours(2).AddMinutes(30);
        sendAtUtc = sendAtUtc.AddTicks(-(sendAtUtc.Ticks % TimeSpan.TicksPerMinute)); // the form has minutes, not seconds
        var scheduled = await client.SubmitAsync(page, "#message-form", new Dictionary<string, string>()
        {
            ["Subject"] = "Still pending for {SummitName}", ["Body"] = "Dear {FullName}, your registration is {Status}.",
            ["SendAt"] = Local(summit, sendAtUtc),
        }, submitter: "#schedule-button");
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var message = await app.WithDbAsync(db => db.DelegateMessages.AsNoTracking().SingleAsync(m => m.SummitId == summit.Id));
        // The form's time is the summit's (Asia/Dubai), stored in UTC.
        Assert.Equal(sendAtUtc, message.ScheduledForUtc);
        Assert.Null(message.SentUtc);
        Assert.Equal("Pending", message.Audience);
        var history = await client.GetPageAsync(Messages(summit.Id));
        var row = history.QuerySelector($"#message-history tr[data-message='{message.Id}']")!;
        Assert.Contains("Scheduled", row.TextContent);
        Assert.Contains(summit.ToLocal(sendAtUtc).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture), row.TextContent);
        Assert.NotNull(row.QuerySelector("button.cancel-message"));

        // Not yet: the sweep sends nothing before the time.
        app.Clock.Advance(TimeSpan.FromHours(2));
        await SweepAsync();
        Assert.Empty(await RecipientsOfAsync(message.Id));

        // Someone who registers before it goes receives it; someone approved meanwhile does not.
        var late = await app.RegisterAsync(await app.CreateUserAsync(fullName: "Late Pending"), summit.Id, organisation.Id);
        var approvedMeanwhile = await app.RegisterAsync(await app.CreateUserAsync(fullName: "Approved Meanwhile"), summit.Id, organisation.Id);
        Assert.True((await app.DecideAsync(approvedMeanwhile.Id, RegistrationStatus.Approved)).Succeeded);

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        await SweepAsync();
        await SweepAsync();   // a second sweep (or node) changes nothing
        Assert.Equal(new[] { early.Id, late.Id }.Order(), (await RecipientsOfAsync(message.Id)).Order());
        var sent = await app.WithDbAsync(db => db.DelegateMessages.AsNoTracking().SingleAsync(m => m.Id == message.Id));
        Assert.Equal(2, sent.RecipientCount);
        Assert.Equal(app.UtcNow, sent.SentUtc!.Value, TimeSpan.FromMilliseconds(1)); // the database keeps microseconds
        Assert.Equal(2, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == Data.Notifications.NotificationKinds.DelegateMessage
            && db.DelegateMessageRecipients.Any(r => r.MessageId == message.Id && r.NotificationId == n.Id))));
        var mail = await app.WaitForMailAsync(m => m.Subject == $"Still pending for {summit.Name}" && (m.TextBody ?? "").Contains("Dear Late Pending"));
        Assert.Contains("your registration is Pending", mail.TextBody);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "message.sent" && e.Summary.StartsWith($"Scheduled message {message.Id} "))));

        // Sent: listed as sent, and no longer cancellable.
        using var later = await app.LoggedInClientAsync(Roles.Organiser);
        var after = await later.GetPageAsync(Messages(summit.Id));
        var sentRow = after.QuerySelector($"#message-history tr[data-message='{message.Id}']")!;
        Assert.DoesNotContain("Scheduled", sentRow.TextContent);
        Assert.Null(sentRow.QuerySelector("button.cancel-message"));
        using var scope = app.Services.CreateScope();
        var refused = await scope.ServiceProvider.GetRequiredService<MessageDesk>().CancelAsync(summit.Id, message.Id, new(null, "Organiser"));
        Assert.False(refused.Succeeded);
        Assert.Contains("already been sent", refused.Message);
    }

    [Fact]
    public async Task A_scheduled_message_cancelled_before_its_time_never_goes()
    {
        var summit = await app.CreateOpenSummitAsync();
        await app.ApprovedDelegateAsync(summit.Id);
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync(Messages(summit.Id, "?status=Approved"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, "#message-form", new Dictionary<string, string>()
        {
            ["Subject"] = "Cancelled one", ["Body"] = "Never read.", ["SendAt"] = Local(summit, app.UtcNow.AddHours(1)),
        }, submitter: "#schedule-button")).StatusCode);
        var message = await app.WithDbAsync(db => db.DelegateMessages.AsNoTracking().SingleAsync(m => m.SummitId == summit.Id));

        var history = await client.GetPageAsync(Messages(summit.Id));
        var (_, shown) = await client.SubmitAndFollowAsync(history, $"#message-history tr[data-message='{message.Id}'] form");
        Assert.Contains("was cancelled", shown.QuerySelector("main")!.TextContent);
        var row = shown.QuerySelector($"#message-history tr[data-message='{message.Id}']")!;
        Assert.Contains("Cancelled", row.TextContent);
        Assert.Null(row.QuerySelector("button.cancel-message"));

        app.Clock.Advance(TimeSpan.FromHours(2));
        await SweepAsync();
        Assert.Empty(await RecipientsOfAsync(message.Id));
        var cancelled = await app.WithDbAsync(db => db.DelegateMessages.AsNoTracking().SingleAsync(m => m.Id == message.Id));
        Assert.Null(cancelled.SentUtc);
        Assert.NotNull(cancelled.CancelledUtc);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "message.cancelled" && e.Summary == $"Scheduled message {message.Id} cancelled")));
    }

    [Fact]
    public async Task A_time_that_has_passed_or_is_missing_is_a_clear_error_and_nothing_is_kept()
    {
        var summit = await app.CreateOpenSummitAsync();
        await app.ApprovedDelegateAsync(summit.Id);
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync(Messages(summit.Id));
        foreach (var (sendAt, error) in new[] { (Local(summit, app.UtcNow.AddHours(-1)), "That time has passed"), ("", "Say when the message should go") })
        {
            var response = await client.SubmitAsync(page, "#message-form", new Dictionary<string, string>() { ["Subject"] = "Hello", ["Body"] = "Hello {FullName}", ["SendAt"] = sendAt },
                submitter: "#schedule-button");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(error, (await FormClient.ParseAsync(response)).QuerySelector("#message-form")!.TextContent);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.DelegateMessages.CountAsync(m => m.SummitId == summit.Id)));
    }

    [Fact]
    public async Task Standard_reminders_go_three_days_before_registration_closes_to_the_pending_and_the_day_before_to_the_approved()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var pending = await app.RegisterAsync(await app.CreateUserAsync(fullName: "Reminded Pending"), summit.Id, organisation.Id);
        // The reminder's words are ours: a delegate who reads French gets them in French.
        var french = await app.CreateUserAsync(fullName: "Rappel Enattente");
        await app.WithDbAsync(async db =>
        {
            Assert.Null((await db.Users.SingleAsync(u => u.Id == french.Id)).PreferLanguage("fr"));
            await db.SaveChangesAsync();
        });
        var pendingFrench = await app.RegisterAsync(french, summit.Id, organisation.Id);
        var (_, approved) = await app.ApprovedDelegateAsync(summit.Id, "Reminded Approved");
        using var client = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await client.GetPageAsync(Messages(summit.Id));
        foreach (var kind in new[] { StandardReminders.RegistrationCloses, StandardReminders.SummitStarts })
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, $"#standard-reminders li[data-reminder='{kind}'] form")).StatusCode);
        // Once each: the second press is refused, and the buttons say it is scheduled.
        var (_, again) = await client.SubmitAndFollowAsync(page, $"#standard-reminders li[data-reminder='{StandardReminders.SummitStarts}'] form");
        Assert.Contains("already scheduled", again.QuerySelector("main")!.TextContent);
        Assert.NotNull(again.QuerySelector($"#standard-reminders li[data-reminder='{StandardReminders.SummitStarts}'] button[disabled]"));

        var reminders = await app.WithDbAsync(db => db.DelegateMessages.AsNoTracking().Where(m => m.SummitId == summit.Id).ToDictionaryAsync(m => m.Reminder!));
        Assert.Equal(2, reminders.Count);
        var closes = reminders[StandardReminders.RegistrationCloses];
        Assert.Equal(summit.RegistrationClosesUtc!.Value.AddDays(-3), closes.ScheduledForUtc);
        var starts = reminders[StandardReminders.SummitStarts];
        Assert.Equal(new DateTime(summit.StartDate.AddDays(-1), new TimeOnly(StandardReminders.DayBeforeHour, 0)), summit.ToLocal(starts.ScheduledForUtc!.Value));

        app.Clock.SetUtcNow(closes.ScheduledForUtc!.Value.AddMinutes(1));
        await SweepAsync();
        Assert.Equal([pending.Id, pendingFrench.Id], (await RecipientsOfAsync(closes.Id)).Order().ToList());
        Assert.Empty(await RecipientsOfAsync(starts.Id));
        var mail = await app.WaitForMailAsync(m => m.Subject == $"{summit.Name}: registration closes in 3 days");
        Assert.Contains("Dear Reminded Pending", mail.TextBody);
        Assert.Contains("Your registration is still Pending", mail.TextBody);
        Assert.Contains($"/Registration/Details/{pending.Id}", mail.TextBody);
        Assert.Equal("en", mail.Body!.Headers["Content-Language"]);
        var inFrench = await app.WaitForMailAsync(m => m.Subject == $"{summit.Name} : les inscriptions ferment dans 3 jours");
        Assert.StartsWith("Bonjour Rappel Enattente,", inFrench.TextBody);
        Assert.Contains("Votre inscription est toujours au statut « En attente »", inFrench.TextBody);
        Assert.Contains(summit.EndDate.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR")), inFrench.TextBody);
        Assert.Contains($"/Registration/Details/{pendingFrench.Id}", inFrench.TextBody);
        Assert.Equal("fr", inFrench.Body!.Headers["Content-Language"]);
        Assert.True(inFrench.To.Mailboxes.Single().Address == french.Email);

        app.Clock.SetUtcNow(starts.ScheduledForUtc!.Value.AddMinutes(1));
        await SweepAsync();
        Assert.Equal([approved.Id], await RecipientsOfAsync(starts.Id));
        Assert.Contains("starts tomorrow", (await app.WaitForMailAsync(m => m.Subject == $"{summit.Name} starts tomorrow")).TextBody);
    }

    /// <summary>The standard reminders follow the summit's dates when organisers change them; one whose new time has
    /// passed is cancelled, not sent late with words no longer true. The organiser is told what happened to each.</summary>
    [Fact]
    public async Task Standard_reminders_follow_the_summits_new_dates_and_one_whose_time_has_passed_is_cancelled()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync(Messages(summit.Id));
        foreach (var kind in new[] { StandardReminders.RegistrationCloses, StandardReminders.SummitStarts })
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, $"#standard-reminders li[data-reminder='{kind}'] form")).StatusCode);

        var (start, end) = (summit.StartDate.AddDays(7), summit.EndDate.AddDays(7));
        var closes = app.UtcNow.AddDays(2);
        var (_, saved) = await client.SubmitAndFollowAsync(await client.GetPageAsync($"/Summits/Manage/Edit/{summit.Id}"), "#summit-form",
            new Dictionary<string, string>
            {
                ["Input.StartDate"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["Input.EndDate"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["Input.RegistrationCloses"] = Local(summit, closes),
            });
        var said = saved.QuerySelector("#status")!.TextContent;
        var dayBefore = new DateTime(start.AddDays(-1), new TimeOnly(StandardReminders.DayBeforeHour, 0));
        Assert.Contains($"The reminder \"The summit starts tomorrow\" now goes on {dayBefore:d MMMM yyyy, HH:mm}.", said);
        Assert.Contains("The reminder \"Registration closes in 3 days\" was cancelled", said);

        var reminders = await app.WithDbAsync(db => db.DelegateMessages.AsNoTracking().Where(m => m.SummitId == summit.Id).ToDictionaryAsync(m => m.Reminder!));
        Assert.Equal(dayBefore, summit.ToLocal(reminders[StandardReminders.SummitStarts].ScheduledForUtc!.Value));
        Assert.Null(reminders[StandardReminders.SummitStarts].CancelledUtc);
        Assert.NotNull(reminders[StandardReminders.RegistrationCloses].CancelledUtc);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => (e.Action == "message.rescheduled" || e.Action == "message.cancelled")
            && (e.SubjectId == reminders[StandardReminders.SummitStarts].Id.ToString() || e.SubjectId == reminders[StandardReminders.RegistrationCloses].Id.ToString()))));

        // Past the old time nothing goes; the cancelled one never goes.
        app.Clock.SetUtcNow(closes.AddDays(-1).AddMinutes(1));
        await SweepAsync();
        Assert.Equal(0, await app.WithDbAsync(db => db.DelegateMessages.CountAsync(m => m.SummitId == summit.Id && m.SentUtc != null)));
    }

    [Fact]
    public async Task A_reminder_whose_time_has_passed_or_without_a_registration_window_is_refused()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var scope = app.Services.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<MessageDesk>();
        await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summit.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RegistrationClosesUtc, app.UtcNow.AddDays(1))));
        var passed = await desk.ScheduleReminderAsync(summit.Id, Guid.NewGuid(), StandardReminders.RegistrationCloses, new(null, "Organiser"));
        Assert.False(passed.Succeeded);
        Assert.Contains("which has passed", passed.Message);
        await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summit.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RegistrationClosesUtc, (DateTime?)null)));
        var unset = await desk.ScheduleReminderAsync(summit.Id, Guid.NewGuid(), StandardReminders.RegistrationCloses, new(null, "Organiser"));
        Assert.Contains("Set the registration window first", unset.Message);
        Assert.False((await desk.ScheduleReminderAsync(summit.Id, Guid.NewGuid(), "no-such-reminder", new(null, "Organiser"))).Succeeded);
        Assert.Equal(0, await app.WithDbAsync(db => db.DelegateMessages.CountAsync(m => m.SummitId == summit.Id)));
    }
}
