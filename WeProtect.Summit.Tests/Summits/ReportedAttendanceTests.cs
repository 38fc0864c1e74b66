using WeProtect.Summit.Data.Summits;

namespace WeProtect.Summit.Tests.Summits;

/// <summary>A summit recorded afterwards keeps no registrations: its attendance is what its own report printed
/// ("400 delegates from 94 countries, 33 ministers"), entered by the organisers with where it is printed, checked
/// against itself, audited, and shown on its public page in the reader's language; its participant list says why
/// it names nobody.</summary>
public class ReportedAttendanceTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private const string Report = "Summit report, page 3";

    private static Dictionary<string, string> Figures(string delegates, string countries, string ministers, string reportedIn) => new()
    {
        ["Input.ReportedDelegates"] = delegates, ["Input.ReportedCountries"] = countries,
        ["Input.ReportedMinisters"] = ministers, ["Input.ReportedIn"] = reportedIn,
    };

    [Fact]
    public async Task The_printed_attendance_of_a_past_summit_is_kept_and_shown_with_its_source()
    {
        var (organiser, _) = await app.LoggedInUserAsync(Roles.Organiser);
        var summit = await app.RecordedSummitAsync();
        var edit = await organiser.GetPageAsync($"/Summits/Manage/Edit/{summit.Id}");
        // Nobody registered: the capacity is not asked again, the printed figures are.
        Assert.Null(edit.QuerySelector("#Input_DelegateCapacity[type=number]"));
        Assert.NotNull(edit.QuerySelector("#reported-attendance #Input_ReportedDelegates"));

        var (_, saved) = await organiser.SubmitAndFollowAsync(edit, "#summit-form", Figures("400", "94", "33", Report));
        Assert.Equal("Summit saved.", saved.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal("400", saved.QuerySelector("#Input_ReportedDelegates")!.GetAttribute("value"));
        var stored = await app.WithDbAsync(db => db.Summits.AsNoTracking().SingleAsync(s => s.Id == summit.Id));
        Assert.Equal((400, 94, 33, Report, 400), (stored.ReportedDelegates, stored.ReportedCountries, stored.ReportedMinisters, stored.ReportedIn, stored.DelegateCapacity));
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == "summit.updated" && e.SubjectType == "Summit" && e.SubjectId == summit.Id.ToString()).Select(e => e.Summary).SingleAsync());
        Assert.Contains("ReportedDelegates", audit);

        await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Summits/Manage/Edit/{summit.Id}"), ".status-form", new Dictionary<string, string>());
        var visitor = app.CreateFormClient();
        var details = await visitor.GetPageAsync($"/Summits/Details/{summit.Id}");
        Assert.Equal("400 delegates, 94 countries represented, 33 ministers. As reported in Summit report, page 3.",
            Spaces(details.QuerySelector("#summit-attendance")!.TextContent));
        // Its registration is not announced as "not yet": it never had one.
        Assert.DoesNotContain("registration window", details.QuerySelector("dl")!.TextContent);
        var french = await LocalizedAppFactory.Speaking(app.CreateFormClient(), "fr").GetPageAsync($"/Summits/Details/{summit.Id}");
        Assert.Equal("400 délégués, 94 pays représentés, 33 ministres. Selon Summit report, page 3.",
            Spaces(french.QuerySelector("#summit-attendance")!.TextContent));
        // The list of summits says it too, under the summit's name.
        var list = await visitor.GetPageAsync("/Summits");
        var item = list.QuerySelectorAll("li.list-group-item").Single(li => li.TextContent.Contains(summit.Name));
        Assert.Equal("400 delegates, 94 countries represented, 33 ministers. As reported in Summit report, page 3.",
            Spaces(item.QuerySelector(".reported-attendance")!.TextContent));
        var participants = await visitor.GetPageAsync($"/Summits/Participants/{summit.Id}");
        Assert.Equal("This summit took place before it was kept here: its delegates did not register here, so none is listed.",
            participants.QuerySelector("#no-participants")!.TextContent.Trim());
    }

    [Fact]
    public async Task Figures_may_be_partial_and_a_summit_without_them_shows_none()
    {
        var (organiser, _) = await app.LoggedInUserAsync(Roles.Organiser);
        var summit = await app.RecordedSummitAsync();
        var details = await organiser.GetPageAsync($"/Summits/Details/{summit.Id}");
        Assert.Null(details.QuerySelector("#summit-attendance"));

        await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Summits/Manage/Edit/{summit.Id}"), "#summit-form", Figures("", "1", "", Report));
        details = await organiser.GetPageAsync($"/Summits/Details/{summit.Id}");
        Assert.Equal("1 country represented. As reported in Summit report, page 3.", Spaces(details.QuerySelector("#summit-attendance")!.TextContent));
    }

    [Theory]
    [InlineData("0", "", "", Report, "Input.ReportedDelegates", "The number of delegates must be between 1 and 100,000.")]
    [InlineData("90", "94", "", Report, "Input.ReportedCountries", "More countries than delegates: each country was represented by at least one delegate.")]
    [InlineData("400", "300", "", Report, "Input.ReportedCountries", "The number of countries must be between 1 and")]
    [InlineData("30", "", "33", Report, "Input.ReportedMinisters", "More ministers than delegates: the ministers are counted among the delegates.")]
    [InlineData("400", "", "-1", Report, "Input.ReportedMinisters", "The number of ministers must be between 0 and 100,000.")]
    [InlineData("400", "", "", "", "Input.ReportedIn", "Say where these figures are printed (e.g. the summit's report, page 3).")]
    [InlineData("", "", "", Report, "Input.ReportedIn", "Give at least one figure, or leave where they are printed empty.")]
    [InlineData("400", "", "", "Report\u001b[2J", "Input.ReportedIn", "Where the figures are printed contains a character that is not allowed in a name")]
    [InlineData("four hundred", "", "", Report, "Input.ReportedDelegates", "")]
    public async Task Figures_that_cannot_be_right_are_refused_beside_their_field(string delegates, string countries, string ministers, string reportedIn, string field, string message)
    {
        var (organiser, _) = await app.LoggedInUserAsync(Roles.Organiser);
        var summit = await app.RecordedSummitAsync();

        var response = await organiser.SubmitAsync(await organiser.GetPageAsync($"/Summits/Manage/Edit/{summit.Id}"), "#summit-form",
            Figures(delegates, countries, ministers, reportedIn));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        var beside = page.QuerySelector($"span[data-valmsg-for='{field}']")!.TextContent.Trim();
        Assert.NotEmpty(beside);
        Assert.StartsWith(message, beside);
        var stored = await app.WithDbAsync(db => db.Summits.AsNoTracking().SingleAsync(s => s.Id == summit.Id));
        Assert.False(stored.HasReportedAttendance);
        Assert.Null(stored.ReportedIn);
    }

    [Fact]
    public async Task A_summit_run_here_reports_no_attendance_of_its_own()
    {
        var (organiser, _) = await app.LoggedInUserAsync(Roles.Organiser);
        var summit = await app.CreateOpenSummitAsync();
        var edit = await organiser.GetPageAsync($"/Summits/Manage/Edit/{summit.Id}");
        Assert.Null(edit.QuerySelector("#reported-attendance"));

        // Posted anyway, the figures are not taken: the summit counts its own registrations.
        var form = edit.QuerySelector("#summit-form")!;
        foreach (var name in Figures("", "", "", "").Keys)
        {
            var input = edit.CreateElement("input");
            input.SetAttribute("type", "hidden");
            input.SetAttribute("name", name);
            form.AppendChild(input);
        }
        var (_, saved) = await organiser.SubmitAndFollowAsync(edit, "#summit-form", Figures("400", "94", "33", Report));
        Assert.Equal("Summit saved.", saved.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.False((await app.WithDbAsync(db => db.Summits.AsNoTracking().SingleAsync(s => s.Id == summit.Id))).HasReportedAttendance);
        var details = await organiser.GetPageAsync($"/Summits/Details/{summit.Id}");
        Assert.Null(details.QuerySelector("#summit-attendance"));
    }

    private static string Spaces(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
