namespace WeProtect.Summit.Tests.Accessibility;

/// <summary>The accessibility statement: public, linked from every page's footer, saying what is tested, the known
/// limits and where to report a problem.</summary>
public class AccessibilityStatementTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task Anyone_reaches_the_statement_from_the_footer_and_learns_how_to_report_a_problem()
    {
        using var client = app.CreateFormClient();
        var home = await client.GetPageAsync("/Summits");
        var link = home.QuerySelector("footer a#accessibility-link");
        Assert.NotNull(link);
        var page = await client.GetPageAsync(link!.GetAttribute("href")!);
        Assert.Equal("Accessibility statement", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#tested"));
        Assert.NotNull(page.QuerySelector("#limits"));
        Assert.Equal("mailto:secretariat@weprotect-summit.invalid", page.QuerySelector("#report-address")!.GetAttribute("href"));
    }

    /// <summary>Each keyboard journey the suite runs (<see cref="KeyboardJourneyTests"/>), as the statement words it.</summary>
    private static readonly Dictionary<string, string> KeyboardJourneys = new()
    {
        [nameof(KeyboardJourneyTests.A_delegate_logs_in_and_registers_for_a_summit_with_the_keyboard)] = "logging in and registering for a summit",
        [nameof(KeyboardJourneyTests.A_delegate_books_a_breakout_with_the_keyboard)] = "booking a breakout session",
        [nameof(KeyboardJourneyTests.A_signatory_signs_a_statement_with_the_authenticator_code_with_the_keyboard)] = "signing a statement with an authenticator code",
        [nameof(KeyboardJourneyTests.The_check_in_desk_checks_a_delegate_in_with_the_keyboard)] = "checking delegates in at the desk",
        [nameof(KeyboardJourneyTests.A_focal_point_drafts_a_report_with_the_keyboard_and_the_autosave_leaves_the_focus_where_it_is)] = "drafting a progress report",
    };

    /// <summary>The statement says what is true: the keyboard journeys it lists are those the suite runs (none starts by
    /// creating an account), and every page is translated, the organisers' and administrators' too.</summary>
    [Fact]
    public async Task The_statement_lists_the_keyboard_journeys_tested_and_the_languages_as_they_are()
    {
        var journeys = typeof(KeyboardJourneyTests).GetMethods()
            .Where(m => m.GetCustomAttributes(typeof(FactAttribute), true).Length > 0).Select(m => m.Name).Order().ToList();
        Assert.Equal(KeyboardJourneys.Keys.Order(), journeys);
        using var client = app.CreateFormClient();
        var page = await client.GetPageAsync("/Accessibility");
        var keyboard = page.QuerySelector("#keyboard-journeys")!.TextContent;
        Assert.All(KeyboardJourneys.Values, journey => Assert.Contains(journey, keyboard));
        Assert.DoesNotContain("creating an account", keyboard);
        var languages = page.QuerySelector("#languages-limit")!.TextContent;
        Assert.DoesNotContain("English for now", languages);
        Assert.Contains("on every page, the organisers' and administrators' included", languages);
    }
}
