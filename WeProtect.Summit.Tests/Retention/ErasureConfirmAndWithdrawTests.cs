using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Retention;

namespace WeProtect.Summit.Tests.Retention;

/// <summary>Erasing a person in every summit is irreversible: the administrator's button sits in a disclosure with a
/// box to tick, and a post without it erases nothing. Until it is carried out, the person may withdraw their request
/// (audited); once carried out, a withdrawal is refused.</summary>
public class ErasureConfirmAndWithdrawTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private async Task<(SummitUser User, FormClient Client, ErasureRequest Request)> RequestedAsync(string name)
    {
        var user = await app.CreateUserAsync(fullName: name);
        var client = await app.LogInAsync(user);
        var page = await client.GetPageAsync("/Profile/Data");
        var (_, requested) = await client.SubmitAndFollowAsync(page, "#erasure-form", new Dictionary<string, string> { ["Confirm"] = "true" });
        Assert.NotNull(requested.QuerySelector("#erasure-requested"));
        return (user, client, await app.WithDbAsync(db => db.ErasureRequests.AsNoTracking().SingleAsync(r => r.UserId == user.Id)));
    }

    [Fact]
    public async Task Carrying_out_an_erasure_asks_for_a_confirmation_and_erases_nothing_without_it()
    {
        var (user, client, request) = await RequestedAsync("Unhurried Person");
        client.Dispose();
        using var admin = await app.LoggedInClientAsync(Roles.Admin);
        var queue = await admin.GetPageAsync("/Admin/Erasure");
        var form = queue.QuerySelector($"tr[data-request-id='{request.Id}'] details form")!;
        Assert.Contains("in every summit", form.TextContent);
        Assert.NotNull(form.QuerySelector("input[type=checkbox][name=confirm]"));

        var (response, refused) = await admin.SubmitAndFollowAsync(queue, $"tr[data-request-id='{request.Id}'] form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tick the box to confirm the erasure", refused.QuerySelector(".alert-danger")!.TextContent);
        Assert.Null(await app.WithDbAsync(db => db.ErasureRequests.Where(r => r.Id == request.Id).Select(r => r.CarriedOutUtc).SingleAsync()));
        Assert.Equal("Unhurried Person", await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.FullName).SingleAsync()));

        var (_, carried) = await admin.SubmitAndFollowAsync(queue, $"tr[data-request-id='{request.Id}'] form", new Dictionary<string, string> { ["confirm"] = "true" });
        Assert.Contains("pseudonymised and closed", carried.QuerySelector("[role=status]")!.TextContent);
        Assert.NotNull(await app.WithDbAsync(db => db.ErasureRequests.Where(r => r.Id == request.Id).Select(r => r.CarriedOutUtc).SingleAsync()));
    }

    [Fact]
    public async Task A_person_withdraws_their_pending_request_but_not_one_carried_out()
    {
        var (user, client, request) = await RequestedAsync("Second Thoughts");
        using (client)
        {
            var page = await client.GetPageAsync("/Profile/Data");
            var (_, withdrawn) = await client.SubmitAndFollowAsync(page, "#erasure-withdraw-form");
            Assert.Contains("Your request is withdrawn", withdrawn.QuerySelector("[role=status]")!.TextContent);
            Assert.Null(withdrawn.QuerySelector("#erasure-requested"));
            Assert.NotNull(withdrawn.QuerySelector("#erasure-form"));
            Assert.Equal(0, await app.WithDbAsync(db => db.ErasureRequests.CountAsync(r => r.UserId == user.Id)));
            var events = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == "account.erasure-withdrawn" && e.ActorUserId == user.Id).ToListAsync());
            Assert.Equal($"Account {user.Id} withdrew its erasure request {request.Id}", Assert.Single(events).Summary);
            using var admin = await app.LoggedInClientAsync(Roles.Admin);
            Assert.Null((await admin.GetPageAsync("/Admin/Erasure")).QuerySelector($"tr[data-request-id='{request.Id}']"));

            // The same withdrawal posted again (an old tab) is refused, said on the page.
            var again = await FormClient.ParseAsync(await client.SubmitAsync(page, "#erasure-withdraw-form"));
            Assert.Contains("no erasure request waiting", again.QuerySelector(".alert-danger")!.TextContent);
        }

        // Asked again and carried out: there is nothing left to withdraw.
        var (_, second, secondRequest) = await RequestedAsync("Too Late");
        second.Dispose();
        using var scope = app.Services.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<ErasureDesk>();
        Assert.True((await desk.CarryOutAsync(secondRequest.Id, new AuditActor(null, "Admin"))).Succeeded);
        var late = await desk.WithdrawAsync(secondRequest.UserId);
        Assert.False(late.Succeeded);
        Assert.NotNull(await app.WithDbAsync(db => db.ErasureRequests.Where(r => r.Id == secondRequest.Id).Select(r => r.CarriedOutUtc).SingleAsync()));
    }

    /// <summary>The administrator's page was opened before the person withdrew: carrying out the stale request erases
    /// nothing and says that it was withdrawn, not that it was carried out or never existed.</summary>
    [Fact]
    public async Task Carrying_out_a_request_withdrawn_meanwhile_says_it_was_withdrawn_and_erases_nothing()
    {
        var (user, client, request) = await RequestedAsync("Changed Mind");
        using var admin = await app.LoggedInClientAsync(Roles.Admin);
        var queue = await admin.GetPageAsync("/Admin/Erasure");
        using (client)
            await client.SubmitAndFollowAsync(await client.GetPageAsync("/Profile/Data"), "#erasure-withdraw-form");

        var (response, answer) = await admin.SubmitAndFollowAsync(queue, $"tr[data-request-id='{request.Id}'] form", new Dictionary<string, string> { ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("withdrew this request before it was carried out", answer.QuerySelector("#status")!.TextContent);
        Assert.Equal("Changed Mind", await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.FullName).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "account.erased" && e.SubjectId == request.Id.ToString())));
    }
}
