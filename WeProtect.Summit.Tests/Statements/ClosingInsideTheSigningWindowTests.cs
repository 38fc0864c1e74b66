using System.Globalization;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>"Move to Closed" on the statement page while the signing window still runs ends signing before the date the
/// organisations were given: the page says so, with the window's end on the summit's clock, and closes only once the
/// organiser ticks "I understand"; once the window is over it closes at once. A factory of its own: it moves the clock.</summary>
public class ClosingInsideTheSigningWindowTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Edit(int id) => $"/Statements/Manage/Edit/{id}";

    private Task<StatementStatus> StatusAsync(int id) => app.WithDbAsync(db => db.Statements.Where(s => s.Id == id).Select(s => s.Status).SingleAsync());

    [Fact]
    public async Task Closing_while_the_window_runs_needs_a_confirmation_that_says_until_when()
    {
        var (statement, _) = await app.OpenStatementAsync();
        var summit = await app.WithDbAsync(db => db.Summits.AsNoTracking().SingleAsync(s => s.Id == statement.SummitId));
        var until = summit.ToLocal(statement.SigningClosesUtc!.Value).ToString("d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en"));
        var warning = $"The signing window is still open until {until} ({summit.TimeZoneId}): closing the statement ends signing now, "
            + "for every organisation. Tick “I understand” to close it anyway.";
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await organiser.GetPageAsync(Edit(statement.Id));
        Assert.Contains(warning, page.QuerySelector("#status-form #close-early-warning")?.TextContent);
        Assert.Equal("I understand: closing now ends signing before the window closes.",
            page.QuerySelector("#status-form label[for=confirm-early-close]")?.TextContent.Trim());
        Assert.False(page.QuerySelector("#confirm-early-close")?.HasAttribute("checked"));

        // Pressed without ticking: refused with the same words, and signing goes on.
        var (_, refused) = await organiser.SubmitAndFollowAsync(page, "#status-form", new Dictionary<string, string> { ["to"] = nameof(StatementStatus.Closed) });
        Assert.Contains(warning, refused.QuerySelector(".validation-summary-errors")?.TextContent);
        Assert.Equal(StatementStatus.OpenForSignature, await StatusAsync(statement.Id));
        Assert.DoesNotContain("statement.signing-closed", await app.AuditActionsAsync("Statement", statement.Id));

        // Ticked: closed now, as the signing page's close is.
        var (_, closed) = await organiser.SubmitAndFollowAsync(refused, "#status-form", new Dictionary<string, string>
        {
            ["to"] = nameof(StatementStatus.Closed), ["confirmEarlyClose"] = "true",
        });
        Assert.Equal("Closed", closed.QuerySelector("#statement-status")?.TextContent);
        Assert.Equal(StatementStatus.Closed, await StatusAsync(statement.Id));
        Assert.Equal(["statement.signing-closed"], await app.AuditActionsAsync("Statement", statement.Id));
    }

    [Fact]
    public async Task Once_the_window_is_over_closing_needs_no_confirmation()
    {
        var (statement, _) = await app.OpenStatementAsync(opens: app.UtcNow.AddDays(-1), closes: app.UtcNow.AddHours(1));
        app.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync(Edit(statement.Id));
        Assert.Null(page.QuerySelector("#close-early-warning"));
        Assert.Null(page.QuerySelector("#confirm-early-close"));

        // The signing sweep (every minute, on real time) may close it first, between our reading and our pressing:
        // either way it ends closed, once, and nobody is asked to confirm.
        if (page.QuerySelector("#move-Closed") is not null)
        {
            var (_, closed) = await organiser.SubmitAndFollowAsync(page, "#status-form", new Dictionary<string, string> { ["to"] = nameof(StatementStatus.Closed) });
            Assert.DoesNotContain("signing window is still open", closed.Body!.TextContent);
            Assert.Equal("Closed", closed.QuerySelector("#statement-status")?.TextContent);
        }
        Assert.Equal(StatementStatus.Closed, await StatusAsync(statement.Id));
        Assert.Equal(["statement.signing-closed"], await app.AuditActionsAsync("Statement", statement.Id));
    }
}
