namespace WeProtect.Summit.Tests.Admin;

/// <summary>Roles changed by several requests at once: two administrators removing each other leave one of them an
/// administrator (never none; the other is told so, or finds their session ended by the removal), and "Make organiser" clicked many times gives the role once, with one audit event and no
/// server error. Run on SQLite (<see cref="RoleRaceTests"/>) and PostgreSQL (<see cref="RoleRaceOnPostgresTests"/>).</summary>
public abstract class RoleRaceChecks(SummitAppFactory app)
{
    [Fact]
    public async Task Two_administrators_removing_each_other_at_once_leave_one_administrator()
    {
        for (var round = 0; round < 3; round++)
        {
            var (clientA, a) = await app.LoggedInUserAsync(Roles.Admin);
            var (clientB, b) = await app.LoggedInUserAsync(Roles.Admin);
            using (clientA)
            using (clientB)
            {
                // Only these two are administrators.
                await app.WithDbAsync(db => db.UserRoles
                    .Where(ur => ur.RoleId == db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).First() && ur.UserId != a.Id && ur.UserId != b.Id)
                    .ExecuteDeleteAsync());
                var pageA = await clientA.GetPageAsync($"/Admin/Users?q={Uri.EscapeDataString(b.Email!)}");
                var pageB = await clientB.GetPageAsync($"/Admin/Users?q={Uri.EscapeDataString(a.Email!)}");

                var start = new TaskCompletionSource();
                var removals = new[] { (clientA, pageA, b), (clientB, pageB, a) }.Select(x => Task.Run(async () =>
                {
                    await start.Task;
                    var (response, after) = await x.Item1.SubmitAndFollowAsync(x.Item2, $"#user-{x.Item3.Id} form.role-form:has(input[value=Admin])");
                    return (response.StatusCode, Status: after.QuerySelector("#status")?.TextContent ?? "", LoggedOut: after.QuerySelector("form#login") is not null);
                })).ToList();
                start.SetResult();
                var answers = await Task.WhenAll(removals);

                Assert.All(answers, x => Assert.Equal(HttpStatusCode.OK, x.StatusCode));
                var admins = await app.WithDbAsync(db => db.UserRoles.CountAsync(ur => ur.RoleId == db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).First()));
                Assert.Equal(1, admins);
                Assert.Single(answers, x => x.Status.Contains("is no longer an administrator"));
                // The other was refused; or its session had already ended, by the role change that came first (a new
                // security stamp), so that its request reached the log-in page instead of the desk.
                Assert.Single(answers, x => x.Status.Contains("last administrator") || x.LoggedOut);
                Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "role.revoked" && (e.SubjectId == a.Id || e.SubjectId == b.Id))));
            }
        }
    }

    [Fact]
    public async Task Make_organiser_posted_eight_times_at_once_gives_the_role_once()
    {
        using var admin = await app.LoggedInClientAsync(Roles.Admin);
        var user = await app.CreateUserAsync(fullName: "Clicked Eight Times");
        var page = await admin.GetPageAsync($"/Admin/Users?q={Uri.EscapeDataString(user.Email!)}");

        var start = new TaskCompletionSource();
        var posts = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return (await admin.SubmitAsync(page, $"#user-{user.Id} form.role-form:has(input[value=Organiser])")).StatusCode;
        })).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(posts);

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.Equal(1, await app.WithDbAsync(db => db.UserRoles.CountAsync(ur => ur.UserId == user.Id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "role.granted" && e.SubjectId == user.Id)));
    }
}
