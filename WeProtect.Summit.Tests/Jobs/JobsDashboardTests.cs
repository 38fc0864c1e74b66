using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Jobs;

/// <summary>The Hangfire dashboard shows jobs and their arguments: organisers only.</summary>
public class JobsDashboardTests : IClassFixture<SummitAppFactory>
{
    private readonly SummitAppFactory app;

    public JobsDashboardTests(SummitAppFactory app) => this.app = app;

    [Fact]
    public async Task Only_organisers_and_administrators_open_the_jobs_dashboard()
    {
        using var anonymous = app.CreateFormClient();
        var challenged = await anonymous.GetAsync(HangfireSetup.DashboardPath);
        Assert.Equal(HttpStatusCode.Redirect, challenged.StatusCode);
        Assert.Contains("/Account/Login", challenged.Headers.Location!.OriginalString);

        using var member = await app.LoggedInClientAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(HangfireSetup.DashboardPath)).StatusCode);

        foreach (var role in new[] { Roles.Organiser, Roles.Admin })
        {
            using var client = await app.LoggedInClientAsync(role);
            var response = await client.GetAsync(HangfireSetup.DashboardPath);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("WeProtect Summit jobs", await response.Content.ReadAsStringAsync());
        }
    }
}
