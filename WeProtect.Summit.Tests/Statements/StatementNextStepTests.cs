using System.Globalization;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>The status step to "Open for signature" on a statement's page: not offered as if it could be taken while no
/// signing window is set; the reason is beside it, with the way to the window's fields.</summary>
public class StatementNextStepTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Url(int id) => $"/Statements/Manage/Edit/{id}";

    [Fact]
    public async Task Without_a_signing_window_opening_for_signature_is_disabled_with_the_reason_and_a_link_to_the_window()
    {
        var (_, id) = await app.StatementAsync(StatementStatus.Final);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await organiser.GetPageAsync(Url(id));
        var move = page.QuerySelector("#move-OpenForSignature")!;
        Assert.True(move.HasAttribute("disabled"));
        var reason = page.QuerySelector("#move-OpenForSignature-reason")!;
        Assert.Equal("move-OpenForSignature-reason", move.GetAttribute("aria-describedby"));
        Assert.Contains("Set a signing window", reason.TextContent);
        Assert.Equal("#signing-window", page.QuerySelector("#link-signing-window")!.GetAttribute("href"));
        // The anchor is the window's fields, in the settings form.
        Assert.NotNull(page.QuerySelector("#settings-form #signing-window #Settings_SigningOpens"));

        // With a window set (as the settings form does), the step is offered and taken.
        var opens = DateTime.UtcNow.AddDays(1);
        var (_, saved) = await organiser.SubmitAndFollowAsync(page, "#settings-form", new Dictionary<string, string>
        {
            ["Settings.SigningOpens"] = opens.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            ["Settings.SigningCloses"] = opens.AddDays(7).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
        });
        Assert.Null(saved.QuerySelector(".alert-danger"));
        Assert.False(saved.QuerySelector("#move-OpenForSignature")!.HasAttribute("disabled"));
        Assert.Null(saved.QuerySelector("#move-OpenForSignature-reason"));
        var (_, opened) = await organiser.SubmitAndFollowAsync(saved, "#status-form", submitter: "#move-OpenForSignature");
        Assert.Equal("Open for signature", opened.QuerySelector("#statement-status")!.TextContent.Trim());
    }
}
