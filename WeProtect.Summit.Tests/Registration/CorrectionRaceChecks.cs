using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Tests.Registration;

/// <summary>Organisers posting corrections of one registration from the same version at the same moment: one is saved,
/// each other is told someone else changed it (never a server error, even when they tick the same need, a unique row),
/// and the registration holds the winner's name with its needs; the same for the delegate's own form posted several
/// times at once (a double click). Run on SQLite (<see cref="CorrectionRaceTests"/>) and
/// PostgreSQL (<see cref="CorrectionRaceOnPostgresTests"/>).</summary>
public abstract class CorrectionRaceChecks(SummitAppFactory app)
{
    [Fact]
    public async Task Eight_corrections_posted_at_once_from_the_same_form_save_one()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (_, registration) = await app.ApprovedDelegateAsync(summit.Id, "Amina Raced");
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var form = await organiser.GetPageAsync($"/Registration/Manage/Correct/{summit.Id}/{registration.Id}");

        var start = new TaskCompletionSource();
        var posts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await start.Task;
            var response = await organiser.SubmitAsync(form, "#correct-form", new Dictionary<string, string>
            {
                ["Input.FullName"] = $"Amina Raced {i}", ["Input.Needs"] = nameof(Need.WheelchairAccess),
            });
            return (Index: i, response.StatusCode);
        })).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(posts);

        // Saved: a redirect to the record; refused: the form again with the conflict.
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{a.Index}: {a.StatusCode}"));
        var winner = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        var saved = await app.WithDbAsync(db => db.Registrations.Include(r => r.Needs).SingleAsync(r => r.Id == registration.Id));
        Assert.Equal($"Amina Raced {winner.Index}", saved.FullName);
        Assert.Equal([Need.WheelchairAccess], saved.Needs.Select(n => n.Need));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "registration.corrected" && e.SubjectId == registration.Id.ToString())));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == Data.Notifications.NotificationKinds.RegistrationCorrected && n.SubjectId == registration.Id)));
    }

    [Fact]
    public async Task The_delegates_own_form_posted_eight_times_at_once_saves_once()
    {
        var summit = await app.CreateOpenSummitAsync();
        var user = await app.CreateUserAsync(fullName: "Double Clicker");
        var registration = await app.RegisterAsync(user, summit.Id, (await app.CreateOrganisationAsync()).Id);
        using var client = await app.LogInAsync(user);
        var form = await client.GetPageAsync($"/Registration/Edit/{registration.Id}");

        var start = new TaskCompletionSource();
        var posts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return (await client.SubmitAsync(form, "#registration-form", new Dictionary<string, string>
            {
                ["Input.Position"] = $"Director {i}", ["Input.Needs"] = nameof(Need.StepFreeAccess),
            })).StatusCode;
        })).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(posts);

        Assert.All(answers, a => Assert.True(a is HttpStatusCode.Redirect or HttpStatusCode.OK, a.ToString()));
        Assert.Single(answers, a => a == HttpStatusCode.Redirect);
        var saved = await app.WithDbAsync(db => db.Registrations.Include(r => r.Needs).SingleAsync(r => r.Id == registration.Id));
        Assert.Equal([Need.StepFreeAccess], saved.Needs.Select(n => n.Need));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "registration.updated" && e.SubjectId == registration.Id.ToString())));
    }
}
