using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Tests.Registration;

/// <summary>Organisers pressing "print all not yet printed" at the same moment: every badge is printed for the first
/// time once, in one batch, and the others are told someone else was first (a unique first print per registration).</summary>
public class BadgePrintRaceTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task Ten_print_alls_at_once_print_each_new_badge_once()
    {
        var summit = await app.CreateOpenSummitAsync();
        var approved = new List<int>();
        for (var i = 0; i < 8; i++) approved.Add((await app.ApprovedDelegateAsync(summit.Id)).Registration.Id);

        var start = new TaskCompletionSource();
        var presses = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            await start.Task;
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<BadgeDesk>()
                .PrintNewAsync(summit.Id, BadgeLayout.A4Four, null, new AuditActor(null, $"Organiser {i}"));
        })).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(presses);

        Assert.All(answers, a => Assert.True(a.Succeeded || a.Answer is DeskAnswer.Conflict or DeskAnswer.Refused, a.Message));
        Assert.Contains(answers, a => a.Succeeded);
        var prints = await app.WithDbAsync(db => db.BadgePrints.AsNoTracking().Where(p => approved.Contains(p.RegistrationId)).ToListAsync());
        Assert.Equal(approved.Order(), prints.Select(p => p.RegistrationId).Order());      // each badge once
        Assert.Equal(answers.Where(a => a.Succeeded).Sum(a => a.Value!.Prints.Count), prints.Count);
        Assert.Equal(answers.Count(a => a.Succeeded), await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "badges.printed")));
    }
}
