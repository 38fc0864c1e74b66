using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Tests.Signing;

namespace WeProtect.Summit.Tests.Security;

/// <summary>An authenticator code is accepted at most once per user, whatever it is used for.</summary>
public class OneTimeCodeTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task A_code_that_logged_in_is_refused_for_signing()
    {
        var organisation = await app.OrganisationAsync();
        var (statement, _) = await app.OpenStatementAsync();
        // Logged in with the previous step's code (TwoFactor.LogInWithTwoFactorAsync): the same code, replayed to sign.
        var signatory = await app.SignatoryAsync(organisation.Id, "Replay Signer");
        var loginCode = app.TotpCode(signatory.Key, TimeSpan.FromSeconds(-30));
        var page = await signatory.Client.GetPageAsync(SigningData.SignUrl(statement.Id, organisation.Id));

        var refused = await SigningData.RefusedPageAsync(await signatory.Client.SignAsync(page, loginCode));
        Assert.Contains("already used", refused.Errors());
        Assert.Empty(await app.EndorsementsAsync(statement.Id));

        var fresh = await signatory.Client.SignAsync(page, app.TotpCode(signatory.Key));
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Single(await app.EndorsementsAsync(statement.Id));
    }

    [Fact]
    public async Task A_code_that_signed_is_refused_for_a_report_submission_in_the_same_time_step()
    {
        // One person who both signs for the organisation and submits its progress reports.
        var organisation = await app.OrganisationAsync();
        var (_, cycle) = await app.CycleOnNewStatementAsync(organisation);
        var (open, _) = await app.OpenStatementAsync();
        var user = await app.CreateUserAsync(fullName: "Signing Focal Point");
        var key = await app.EnableTwoFactorAsync(user);
        Assert.True((await app.GrantAsync(user, organisation.Id)).Succeeded);
        using (var scope = app.Services.CreateScope())
        {
            var granted = await scope.ServiceProvider.GetRequiredService<ReportingDesk>().GrantFocalPointAsync(user.Id, organisation.Id, new AuditActor(null, "Test organiser"));
            Assert.True(granted.Succeeded, granted.Message);
        }
        using var client = app.CreateFormClient();
        await client.LogInWithTwoFactorAsync(app, user.Email!, key);

        var code = app.TotpCode(key);
        var sign = await client.GetPageAsync(SigningData.SignUrl(open.Id, organisation.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignAsync(sign, code)).StatusCode);
        Assert.Single(await app.EndorsementsAsync(open.Id), e => e.SignerUserId == user.Id);

        // The clock has not moved: the code is still the one the app shows, but it has done its one job.
        var report = await client.GetPageAsync(ReportingData.ReportUrl(cycle.Id, organisation.Id));
        var refused = await SigningData.RefusedPageAsync(await client.SubmitAsync(report, "form#report-form",
            ReportingData.Entry(0, CommitmentStatus.Achieved).With(new() { ["Input.Code"] = code }), submitter: "#submit"));
        Assert.Contains("already used", refused.Errors());
        Assert.DoesNotContain(await app.ReportsAsync(cycle.Id, organisation.Id), r => r.Status == ProgressReportStatus.Submitted);

        // The next step's code submits: what was refused was the reuse.
        var (_, submitted) = await client.SubmitAndFollowAsync(refused, "form#report-form",
            ReportingData.Entry(0, CommitmentStatus.Achieved).With(new() { ["Input.Code"] = app.TotpCode(key, TimeSpan.FromSeconds(30)) }), submitter: "#submit");
        Assert.NotNull(submitted.QuerySelector("#submitted"));
        Assert.Single(await app.ReportsAsync(cycle.Id, organisation.Id), r => r.Status == ProgressReportStatus.Submitted);
    }

    [Fact]
    public async Task The_same_code_logs_in_exactly_one_of_several_parallel_sessions()
    {
        var user = await app.CreateUserAsync(fullName: "Parallel Person");
        var key = await app.EnableTwoFactorAsync(user);
        // Five: the four refused count as failed attempts (Identity counts every refused code), and a fifth would lock
        // the account, which ends every session of it, the winner's too (Accounts/SessionCheck).
        const int sessions = 5;
        var ready = new List<(FormClient Client, AngleSharp.Html.Dom.IHtmlDocument Page)>();
        for (var i = 0; i < sessions; i++)
        {
            var client = app.CreateFormClient();
            var login = await client.GetPageAsync("/Account/Login");
            var first = await client.SubmitAsync(login, "form#login", new Dictionary<string, string>
            {
                ["Input.Email"] = user.Email!, ["Input.Password"] = SummitAppFactory.Password,
            });
            Assert.Contains("/Account/LoginWith2fa", first.Headers.Location!.OriginalString);
            ready.Add((client, await client.GetPageAsync(first.Headers.Location!.OriginalString)));
        }

        var code = app.TotpCode(key);
        var responses = await Task.WhenAll(ready.Select(r => Task.Run(() =>
            r.Client.SubmitAsync(r.Page, "form#login-2fa", new Dictionary<string, string> { ["Input.Code"] = code }))));

        var signedIn = responses.Count(r => r.StatusCode == HttpStatusCode.Redirect && !r.Headers.Location!.OriginalString.Contains("/Account/"));
        Assert.True(signedIn == 1, string.Join("; ", responses.Select(r => $"{(int)r.StatusCode} {r.Headers.Location}")) + $" (code {code})");
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var stillOut = 0;
        foreach (var (client, _) in ready)
            if ((await client.GetAsync("/Profile/Index")).StatusCode != HttpStatusCode.OK) stillOut++;
        Assert.Equal(sessions - 1, stillOut);
        foreach (var (client, _) in ready) client.Dispose();
    }
}
