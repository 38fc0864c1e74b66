using Microsoft.AspNetCore.Identity;

namespace WeProtect.Summit.Tests.Admin;

/// <summary>Administrators grant roles and read the audit trail's verdict; organisers read the outbox.</summary>
public sealed class AdminPagesTests : IDisposable
{
    // Own app per test: one test tampers with the audit trail.
    private readonly SummitAppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task An_admin_makes_a_user_an_organiser_who_then_gets_in_and_the_grant_is_audited()
    {
        using var admin = await app.LoggedInClientAsync(Roles.Admin);
        var (member, user) = await app.LoggedInUserAsync();
        using (member)
        {
            var denied = await member.GetAsync("/Summits/Manage");
            Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);

            var users = await admin.GetPageAsync($"/Admin/Users?q={Uri.EscapeDataString(user.Email!)}");
            var (response, after) = await admin.SubmitAndFollowAsync(users, $"#user-{user.Id} form.role-form:has(input[value=Organiser])");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("is now an organiser", after.QuerySelector("main")!.TextContent);

            // The role change renewed the security stamp: the old cookie is refused at the next validation, so log in again.
            using var again = app.CreateFormClient();
            await again.LogInAsync(user.Email!, SummitAppFactory.Password);
            Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/Summits/Manage")).StatusCode);
        }
        var grant = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == "role.granted" && e.SubjectId == user.Id));
        Assert.Contains("Organiser", grant.Summary);
    }

    [Fact]
    public async Task The_last_administrator_cannot_lose_the_role()
    {
        var (admin, me) = await app.LoggedInUserAsync(Roles.Admin);
        using (admin)
        {
            var users = await admin.GetPageAsync($"/Admin/Users?q={Uri.EscapeDataString(me.Email!)}");
            var (response, after) = await admin.SubmitAndFollowAsync(users, $"#user-{me.Id} form.role-form:has(input[value=Admin])");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("last administrator", after.QuerySelector("main")!.TextContent);
        }
        using var scope = app.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<SummitUser>>();
        Assert.True(await manager.IsInRoleAsync((await manager.FindByIdAsync(me.Id))!, Roles.Admin));
    }

    [Fact]
    public async Task The_audit_page_says_intact_and_then_names_the_first_tampered_row()
    {
        using var admin = await app.LoggedInClientAsync(Roles.Admin);
        foreach (var _ in Enumerable.Range(0, 3))
            await admin.SubmitAndFollowAsync(await admin.GetPageAsync("/Summits/Manage"), "#sample-summit");

        var intact = await admin.GetPageAsync("/Admin/Audit");
        Assert.Contains("intact", intact.QuerySelector("#audit-verdict")!.TextContent);
        Assert.Contains("summit.created", intact.QuerySelector("table")!.TextContent);

        var second = await app.WithDbAsync(db => db.AuditEvents.OrderBy(e => e.Sequence).Skip(1).Select(e => e.Sequence).FirstAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE AuditEvents SET ActorName = 'Someone else' WHERE Sequence = {second}"));

        var broken = await admin.GetPageAsync("/Admin/Audit");
        Assert.Contains($"broken at row {second}", broken.QuerySelector("#audit-verdict")!.TextContent);
        Assert.NotNull(broken.QuerySelector("tr.table-danger"));
    }

    [Fact]
    public async Task Organisers_and_administrators_read_the_outbox_without_account_links()
    {
        // A password reset for someone puts a sensitive message in the outbox.
        var target = await app.CreateUserAsync(fullName: "Reset Target");
        using (var anonymous = app.CreateFormClient())
        {
            var forgot = await anonymous.GetPageAsync("/Account/ForgotPassword");
            await anonymous.SubmitAsync(forgot, "form#forgot-password", new Dictionary<string, string> { ["Input.Email"] = target.Email! });
        }

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var outbox = await organiser.GetPageAsync("/Outbox");
        var link = outbox.QuerySelectorAll("main table a").Single(a => a.TextContent.Contains("Reset your WeProtect Summit password"));
        Assert.Contains("Reset Target", outbox.QuerySelector("main table")!.TextContent);

        // The token as the recipient got it, to prove that no reader of the page sees it.
        var sent = app.SentMail().Last(m => m.To.ToString().Contains(target.Email!));
        var token = System.Text.RegularExpressions.Regex.Match(sent.TextBody ?? "", @"code=([^\s&]+)").Groups[1].Value;
        Assert.True(token.Length > 20, "the reset mail carries a token");

        using var admin = await app.LoggedInClientAsync(Roles.Admin);
        foreach (var reader in new[] { organiser, admin })
        {
            var response = await reader.GetAsync(link.GetAttribute("href")!);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(token, html);
            Assert.DoesNotContain("/Account/ResetPassword", html);
            var page = await reader.GetPageAsync(link.GetAttribute("href")!);
            Assert.NotNull(page.QuerySelector("#message-withheld"));
            Assert.Contains(WeProtect.Summit.Web.Mail.Outbox.Withheld, page.QuerySelector("#message-body")!.TextContent);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Outbox?id=..%2F..%2Fsummit")).StatusCode);
        using var member = await app.LoggedInClientAsync();
        Assert.StartsWith("/Account/AccessDenied", (await member.GetAsync("/Outbox")).Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var client = app.CreateFormClient();
        foreach (var url in new[] { "/", "/Account/Login", "/Summits", "/healthz", "/no-such-page" })
        {
            var response = await client.GetAsync(url);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    /// <summary>A page of the trail past its end, however far (a number Skip cannot count), is a page with nothing on it
    /// and a way back, not the first page again.</summary>
    [Fact]
    public async Task A_page_of_the_audit_trail_past_its_end_is_empty_and_says_so()
    {
        using var admin = await app.LoggedInClientAsync(Roles.Admin);
        using (var scope = app.Services.CreateScope())
        {
            var someone = await app.CreateUserAsync();
            Assert.True((await scope.ServiceProvider.GetRequiredService<Data.Accounts.RoleDesk>().ChangeAsync(someone.Id, Roles.Organiser, grant: true,
                new Data.Audit.AuditActor(null, "Admin", Roles.Admin))).Succeeded);
        }
        foreach (var p in new[] { "1000", "2147483647" })
        {
            var page = await admin.GetPageAsync($"/Admin/Audit?p={p}");
            Assert.NotNull(page.QuerySelector("#audit-empty"));
            Assert.Empty(page.QuerySelectorAll("table[aria-label] tbody tr"));
        }
        Assert.Null((await admin.GetPageAsync("/Admin/Audit")).QuerySelector("#audit-empty"));
    }
}
