using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Breakouts;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>The programme's room and theme forms, through HTTP: an edit from a stale page is refused with their
/// version shown beside the organiser's input (no lost update), and a refused form shows what was typed again.</summary>
public class ProgrammeFormTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static Dictionary<string, string> Form(params (string Key, string Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    private static string Errors(IHtmlDocument page) => string.Join(" | ",
        page.QuerySelectorAll(".validation-summary-errors li, .field-validation-error").Select(e => e.TextContent.Trim()));

    private static string Value(IHtmlDocument page, string selector) => page.QuerySelector<IHtmlInputElement>(selector)!.Value;

    [Fact]
    public async Task A_room_edited_from_a_stale_page_is_refused_with_their_version_shown_and_the_input_kept()
    {
        var summit = await app.CreateOpenSummitAsync();
        var room = await app.WithDbAsync(async db =>
        {
            var r = new Room { SummitId = summit.Id, Name = "Africa Hall", Capacity = 120 };
            db.Rooms.Add(r);
            await db.SaveChangesAsync();
            return r;
        });
        using var mine = await app.LoggedInClientAsync(Roles.Organiser);
        using var theirs = await app.LoggedInClientAsync(Roles.Organiser);
        var url = $"/Breakouts/Manage/Index/{summit.Id}";
        var minePage = await mine.GetPageAsync(url);
        var theirPage = await theirs.GetPageAsync(url);

        var (_, after) = await theirs.SubmitAndFollowAsync(theirPage, $"#room-edit-{room.Id}", Form(("name", "Africa Hall (main)"), ("notes", "Ground floor")));
        Assert.Contains("saved", after.QuerySelector("#status")!.TextContent);

        var (response, page) = await mine.SubmitAndFollowAsync(minePage, $"#room-edit-{room.Id}", Form(("capacity", "80"), ("notes", "Interpreting booths")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this room meanwhile", Errors(page));
        Assert.Contains("Africa Hall (main)", page.QuerySelector($"#room-theirs-{room.Id}")!.TextContent);
        Assert.Equal(("Africa Hall", "80", "Interpreting booths"),
            (Value(page, $"#room-name-{room.Id}"), Value(page, $"#room-capacity-{room.Id}"), Value(page, $"#room-notes-{room.Id}")));
        var saved = await app.WithDbAsync(db => db.Rooms.SingleAsync(r => r.Id == room.Id));
        Assert.Equal(("Africa Hall (main)", 120, "Ground floor"), (saved.Name, saved.Capacity, saved.Notes));

        // Having seen theirs, the organiser saves again: the form now carries the version saved now.
        (_, page) = await mine.SubmitAndFollowAsync(page, $"#room-edit-{room.Id}");
        Assert.Contains("saved", page.QuerySelector("#status")!.TextContent);
        saved = await app.WithDbAsync(db => db.Rooms.SingleAsync(r => r.Id == room.Id));
        Assert.Equal(("Africa Hall", 80, "Interpreting booths"), (saved.Name, saved.Capacity, saved.Notes));
    }

    [Fact]
    public async Task A_theme_edited_from_a_stale_page_is_refused_with_their_version_shown_and_the_input_kept()
    {
        var summit = await app.CreateOpenSummitAsync();
        var theme = await app.WithDbAsync(async db =>
        {
            var t = new Theme { SummitId = summit.Id, Name = "Technology", Colour = "#0078d4" };
            db.Themes.Add(t);
            await db.SaveChangesAsync();
            return t;
        });
        using var mine = await app.LoggedInClientAsync(Roles.Organiser);
        using var theirs = await app.LoggedInClientAsync(Roles.Organiser);
        var url = $"/Breakouts/Manage/Index/{summit.Id}";
        var minePage = await mine.GetPageAsync(url);
        var theirPage = await theirs.GetPageAsync(url);

        await theirs.SubmitAndFollowAsync(theirPage, $"#theme-edit-{theme.Id}", Form(("name", "Technology and safety by design")));
        var (_, page) = await mine.SubmitAndFollowAsync(minePage, $"#theme-edit-{theme.Id}", Form(("name", "Tech"), ("colour", "#ff00ff")));

        Assert.Contains("Someone else changed this theme meanwhile", Errors(page));
        Assert.Contains("Technology and safety by design", page.QuerySelector($"#theme-theirs-{theme.Id}")!.TextContent);
        Assert.Equal(("Tech", "#ff00ff"), (Value(page, $"#theme-name-{theme.Id}"), Value(page, $"#theme-colour-{theme.Id}")));
        var saved = await app.WithDbAsync(db => db.Themes.SingleAsync(t => t.Id == theme.Id));
        Assert.Equal(("Technology and safety by design", "#0078d4"), (saved.Name, saved.Colour));
        Assert.Equal(["theme.updated"], await app.AuditActionsAsync("Theme", theme.Id));
    }

    [Fact]
    public async Task A_refused_new_room_or_theme_shows_what_was_typed_again()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var client = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await client.GetPageAsync($"/Breakouts/Manage/Index/{summit.Id}");
        (_, page) = await client.SubmitAndFollowAsync(page, "#room-add", Form(("name", "Africa Hall"), ("capacity", "120")));
        (_, page) = await client.SubmitAndFollowAsync(page, "#theme-add", Form(("name", "Technology"), ("colour", "#0078d4")));

        (_, page) = await client.SubmitAndFollowAsync(page, "#room-add", Form(("name", "africa hall"), ("capacity", "30"), ("notes", "First floor, left")));
        Assert.Contains("already has a room called", Errors(page));
        Assert.Equal(("africa hall", "30", "First floor, left"), (Value(page, "#room-name-new"), Value(page, "#room-capacity-new"), Value(page, "#room-notes-new")));

        (_, page) = await client.SubmitAndFollowAsync(page, "#room-add", Form(("name", "Tiny"), ("capacity", "0"), ("notes", "Basement")));
        Assert.Contains("A room holds from 1 to 10,000 people", Errors(page));
        Assert.Equal(("Tiny", "0", "Basement"), (Value(page, "#room-name-new"), Value(page, "#room-capacity-new"), Value(page, "#room-notes-new")));

        (_, page) = await client.SubmitAndFollowAsync(page, "#theme-add", Form(("name", "TECHNOLOGY"), ("colour", "#ff0000")));
        Assert.Contains("already has a theme called", Errors(page));
        Assert.Equal(("TECHNOLOGY", "#ff0000"), (Value(page, "#theme-name-new"), Value(page, "#theme-colour-new")));
        Assert.Equal(1, await app.WithDbAsync(db => db.Rooms.CountAsync(r => r.SummitId == summit.Id)));
    }
}
