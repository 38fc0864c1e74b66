using System.Globalization;
using WeProtect.Summit.Data.Retention;

namespace WeProtect.Summit.Tests.Retention;

/// <summary>Organisers see when a summit's personal data goes and what it is, and keep it longer with a reason
/// (audited); the job then waits for the new date.</summary>
public class RetentionPageTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Url(int summitId) => $"/Summits/Manage/Retention/{summitId}";

    /// <summary>The refusal of an earlier day names the current one in the organiser's language, not in English.</summary>
    [Fact]
    public async Task An_earlier_day_is_refused_with_the_current_day_said_in_French()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var organiser = LocalizedAppFactory.Speaking(await app.LoggedInClientAsync(Roles.Organiser), "fr");
        var page = await organiser.GetPageAsync(Url(summit.Id));
        var current = summit.EndDate.AddDays(SummitRetention.DefaultDays);
        var earlier = await FormClient.ParseAsync(await organiser.SubmitAsync(page, "#extend-form",
            new Dictionary<string, string> { ["Until"] = current.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Reason"] = "Audit" }));
        var said = earlier.QuerySelector(".alert-danger")!.TextContent;
        Assert.Contains($"Indiquez un jour postérieur au {current.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR"))}", said);
        Assert.DoesNotContain("Give a day after", said);
    }

    [Fact]
    public async Task An_organiser_sees_the_date_and_the_data_and_extends_it_with_a_reason_which_the_job_honours()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(fullName: "Esther Extended");
        await app.DetailedRegistrationAsync(user, summit.Id, organisation, "Sign language interpreter");
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await organiser.GetPageAsync(Url(summit.Id));
        var defaultDate = summit.EndDate.AddDays(SummitRetention.DefaultDays);
        Assert.Equal(defaultDate.ToString("d MMMM yyyy"), page.QuerySelector("#retain-until")!.TextContent.Trim());
        Assert.Contains(defaultDate.AddDays(1).ToString("d MMMM yyyy") + ", 00:00", page.QuerySelector("#erasure-due")!.TextContent);
        var rows = page.QuerySelectorAll("#retention-items tbody tr").Select(tr => tr.TextContent).ToList();
        Assert.Equal(PersonalDataCatalogue.Summit.Count, rows.Count);
        Assert.Contains(rows, r => r.Contains("Access and dietary needs") && r.TrimEnd().EndsWith('1'));

        // No reason, an earlier day, a date that is not one: plain messages, nothing saved.
        var noReason = await FormClient.ParseAsync(await organiser.SubmitAsync(page, "#extend-form",
            new Dictionary<string, string> { ["Until"] = defaultDate.AddDays(30).ToString("yyyy-MM-dd"), ["Reason"] = "" }));
        Assert.Contains("Give the reason", noReason.QuerySelector(".alert-danger")!.TextContent);
        var earlier = await FormClient.ParseAsync(await organiser.SubmitAsync(page, "#extend-form",
            new Dictionary<string, string> { ["Until"] = defaultDate.AddDays(-1).ToString("yyyy-MM-dd"), ["Reason"] = "Audit" }));
        Assert.Contains("Give a day after", earlier.QuerySelector(".alert-danger")!.TextContent);
        var garbage = await organiser.SubmitAsync(page, "#extend-form", new Dictionary<string, string> { ["Until"] = "next spring", ["Reason"] = "Audit" });
        Assert.Equal(System.Net.HttpStatusCode.OK, garbage.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.SummitRetentions.AsNoTracking().FirstOrDefaultAsync(r => r.SummitId == summit.Id)));

        var extended = defaultDate.AddDays(60);
        var (_, done) = await organiser.SubmitAndFollowAsync(page, "#extend-form",
            new Dictionary<string, string> { ["Until"] = extended.ToString("yyyy-MM-dd"), ["Reason"] = "Host government's evaluation report is due in spring" });
        Assert.Contains(extended.ToString("d MMMM yyyy"), done.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(extended.ToString("d MMMM yyyy"), done.QuerySelector("#retain-until")!.TextContent.Trim());
        Assert.Contains("evaluation report", done.QuerySelector("#extension-reason")!.TextContent);
        var events = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == "summit.retention-extended" && e.SubjectId == summit.Id.ToString(CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Contains(extended.ToString("yyyy-MM-dd"), Assert.Single(events).Summary);

        // Past the old date the data stays; past the new one it goes.
        app.Clock.SetUtcNow(new DateTimeOffset(summit.EndDate.AddDays(SummitRetention.DefaultDays + 2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        await app.RunRetentionAsync();
        Assert.Equal("Sign language interpreter", await app.WithDbAsync(db => db.Registrations.Where(r => r.UserId == user.Id).Select(r => r.AccessNeeds).SingleAsync()));
        await app.MoveToErasureAsync(summit.Id, TimeSpan.FromMinutes(1));
        await app.RunRetentionAsync();
        Assert.Null(await app.WithDbAsync(db => db.Registrations.Where(r => r.UserId == user.Id).Select(r => r.AccessNeeds).SingleAsync()));

        // Once erased, there is nothing left to keep longer.
        using var scope = app.Services.CreateScope();
        var late = await scope.ServiceProvider.GetRequiredService<RetentionDesk>().ExtendAsync(summit.Id, extended.AddDays(10), "Too late",
            new Data.Audit.AuditActor(null, "Organiser"));
        Assert.False(late.Succeeded);
        Assert.Contains("already been erased", late.Message);
    }

    /// <summary>A day decades away is a typing slip: refused with the last day allowed, and the form says the range.</summary>
    [Fact]
    public async Task A_day_past_the_longest_hold_is_refused()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync(Url(summit.Id));
        var latest = summit.EndDate.AddYears(SummitRetention.MaxYears);
        Assert.Equal(latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), page.QuerySelector("#Until")!.GetAttribute("max"));
        foreach (var until in new[] { latest.AddDays(1), DateOnly.MaxValue })
        {
            var refused = await organiser.SubmitAsync(page, "#extend-form",
                new Dictionary<string, string> { ["Until"] = until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Reason"] = "Legal hold" });
            Assert.Equal(System.Net.HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains($"Give a day by {latest:d MMMM yyyy}", (await FormClient.ParseAsync(refused)).QuerySelector(".alert-danger")!.TextContent);
        }
        Assert.Null(await app.WithDbAsync(db => db.SummitRetentions.AsNoTracking().FirstOrDefaultAsync(r => r.SummitId == summit.Id)));
    }

    /// <summary>A summit saved before its days were bounded (a last day in year 9999) neither breaks its page nor stops
    /// the sweep from erasing the summits that are due.</summary>
    [Fact]
    public async Task A_summit_ending_in_the_last_year_there_is_shows_its_page_and_does_not_stop_the_sweep()
    {
        var farOff = await app.CreateOpenSummitAsync();
        await app.WithDbAsync(db => db.Summits.Where(s => s.Id == farOff.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndDate, DateOnly.MaxValue)));
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetAsync(Url(farOff.Id));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);

        var due = await app.CreateOpenSummitAsync();
        var user = await app.CreateUserAsync();
        await app.DetailedRegistrationAsync(user, due.Id, await app.CreateOrganisationAsync(), "Wheelchair access");
        await app.MoveToErasureAsync(due.Id, TimeSpan.FromMinutes(1));
        await app.RunRetentionAsync();
        Assert.Null(await app.WithDbAsync(db => db.Registrations.Where(r => r.UserId == user.Id).Select(r => r.AccessNeeds).SingleAsync()));
        Assert.Null(await app.WithDbAsync(db => db.SummitRetentions.AsNoTracking().FirstOrDefaultAsync(r => r.SummitId == farOff.Id && r.ErasedUtc != null)));
    }

    [Fact]
    public async Task An_unknown_summit_is_not_found()
    {
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await organiser.GetAsync(Url(987654))).StatusCode);
    }
}
