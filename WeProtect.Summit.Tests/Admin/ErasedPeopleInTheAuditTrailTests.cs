using WeProtect.Summit.Data.Accounts;
using WeProtect.Summit.Data.Audit;

namespace WeProtect.Summit.Tests.Admin;

/// <summary>The audit trail stores user ids and roles, never names: the trail page looks names up when shown, so after
/// a person's erasure no event recorded since this rule shows their name or address (the rows themselves, hash-chained,
/// are never rewritten). The last administrator's account is not erased.</summary>
public sealed class ErasedPeopleInTheAuditTrailTests : IDisposable
{
    // Own app per test: the last-administrator test needs to be the only administrator.
    private readonly SummitAppFactory app = new();

    public void Dispose() => app.Dispose();

    private async Task RequestErasureAsync(FormClient client)
    {
        var page = await client.GetPageAsync("/Profile/Data");
        var (_, requested) = await client.SubmitAndFollowAsync(page, "#erasure-form", new Dictionary<string, string> { ["Confirm"] = "true" });
        Assert.Contains("request is recorded", requested.Body!.TextContent);
    }

    [Fact]
    public async Task After_erasure_the_audit_trail_page_shows_no_trace_of_the_persons_name_or_address()
    {
        var email = $"zofia-{Guid.NewGuid():N}@example.org";
        var zofia = await app.CreateUserAsync(email, "Zofia Erasable");
        using var admin = await app.LoggedInClientAsync(Roles.Admin);
        // Events she causes (registering, her profile) and events about her account (a role given by an administrator).
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        await app.RegisterAsync(zofia, summit.Id, organisation.Id);
        using (var scope = app.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountDesk>();
            await accounts.ProfileUpdatedAsync(zofia, "Zofia Formerly", zofia.Position, zofia.PreferredLanguage, CancellationToken.None);
            var given = await scope.ServiceProvider.GetRequiredService<RoleDesk>().ChangeAsync(zofia.Id, Roles.Organiser, grant: true,
                new AuditActor("admin-id", "Some Admin", Roles.Admin));
            Assert.True(given.Succeeded, given.Message);
        }
        using var client = await app.LogInAsync(zofia); // after the role change, which renewed her security stamp
        var before = await admin.GetPageAsync("/Admin/Audit");
        Assert.Contains("Zofia Erasable", before.QuerySelector("table")!.TextContent); // looked up while she is there

        await RequestErasureAsync(client);
        var request = await app.WithDbAsync(db => db.ErasureRequests.AsNoTracking().SingleAsync(r => r.UserId == zofia.Id));
        var queue = await admin.GetPageAsync("/Admin/Erasure");
        var (_, carried) = await admin.SubmitAndFollowAsync(queue, $"tr[data-request-id='{request.Id}'] form", new Dictionary<string, string> { ["confirm"] = "true" });
        Assert.Contains("pseudonymised and closed", carried.QuerySelector("[role=status]")!.TextContent);

        var after = await admin.GetPageAsync("/Admin/Audit");
        var text = after.Body!.TextContent;
        foreach (var trace in new[] { "Zofia", "Erasable", "Formerly", email, email.Split('@')[0] })
            Assert.DoesNotContain(trace, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(AuditNames.Erased(zofia.Id), text);
        // Nor in the stored rows (what the export and an outside auditor read).
        var export = await (await admin.GetAsync("/Admin/Audit?handler=Export")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Zofia", export);
        Assert.DoesNotContain(email, export, StringComparison.OrdinalIgnoreCase);
        var verdict = await app.VerifyAuditAsync();
        Assert.True(verdict.IsIntact, verdict.Problem);
    }

    [Fact]
    public async Task Erasing_the_last_administrator_is_refused_with_a_clear_message()
    {
        var (client, me) = await app.LoggedInUserAsync(Roles.Admin);
        using (client)
        {
            await RequestErasureAsync(client);
            var request = await app.WithDbAsync(db => db.ErasureRequests.AsNoTracking().SingleAsync(r => r.UserId == me.Id));
            var queue = await client.GetPageAsync("/Admin/Erasure");
            var (_, refused) = await client.SubmitAndFollowAsync(queue, $"tr[data-request-id='{request.Id}'] form", new Dictionary<string, string> { ["confirm"] = "true" });
            // A refusal: announced as an alert, never dressed as a success.
            Assert.Contains("last administrator", refused.QuerySelector("#status[role=alert]:not(.alert-success)")!.TextContent);
            var account = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == me.Id));
            Assert.Equal(me.FullName, account.FullName);
            Assert.Null(await app.WithDbAsync(db => db.ErasureRequests.Where(r => r.Id == request.Id).Select(r => r.CarriedOutUtc).SingleAsync()));

            // With a second administrator, it is carried out.
            using var other = await app.LoggedInClientAsync(Roles.Admin);
            var again = await other.GetPageAsync("/Admin/Erasure");
            var (_, carried) = await other.SubmitAndFollowAsync(again, $"tr[data-request-id='{request.Id}'] form", new Dictionary<string, string> { ["confirm"] = "true" });
            Assert.Contains("pseudonymised and closed", carried.QuerySelector("[role=status]")!.TextContent);
        }
    }
}
