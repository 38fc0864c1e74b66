using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Jobs;

/// <summary>A request whose work is committed answers as done even when the job queue cannot take the follow-up job
/// at that moment (found with 400 registrations through two nodes: Hangfire's storage ran out of connections after the
/// commit, and a saved registration was answered "busy, nothing was saved, try again"); the sweep hands the work over
/// once the queue is back, and the letter goes once.</summary>
public class HandOverTests(QueueDownApp app) : IClassFixture<QueueDownApp>
{
    [Fact]
    public async Task A_registration_saved_while_the_queue_is_down_is_answered_as_received_and_its_letter_goes_once_after_the_sweep()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var (client, user) = await app.LoggedInUserAsync();
        using var _ = client;
        var form = await client.GetPageAsync($"/Registration/Register/{summit.Id}");

        app.Down = true;
        HttpResponseMessage response;
        try
        {
            response = await client.SubmitAsync(form, "#registration-form", new Dictionary<string, string>
            {
                ["Input.Position"] = "Minister of Justice",
                ["Input.OrganisationId"] = organisation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Category"] = nameof(DelegateCategory.Delegate),
            });
        }
        finally
        {
            app.Down = false;
        }
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var registrationId = await app.WithDbAsync(db => db.Registrations.Where(r => r.SummitId == summit.Id && r.UserId == user.Id).Select(r => r.Id).SingleAsync());
        var letter = await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .SingleAsync(n => n.Kind == NotificationKinds.RegistrationReceived && n.SubjectId == registrationId));
        Assert.Null(letter.SentUtc);
        Assert.Empty(app.MailTo(user.Email!));
        Assert.Contains(app.Log.Lines, l => l.Contains($"Notification {letter.Id} is saved but was not queued now"));

        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<NotificationSweep>().RunAsync(CancellationToken.None);
        for (var waited = 0; waited < 30_000 && app.MailTo(user.Email!).Count == 0; waited += 100) await Task.Delay(100);
        Assert.Single(app.MailTo(user.Email!));
        // The letter is written, then its row stamped sent: wait for the stamp too.
        DateTime? sent = null;
        for (var waited = 0; waited < 30_000 && sent is null; waited += 100)
        {
            sent = await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == letter.Id).Select(n => n.SentUtc).SingleAsync());
            if (sent is null) await Task.Delay(100);
        }
        Assert.NotNull(sent);
    }
}
