using AngleSharp.Dom;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Tests.Accessibility;

/// <summary>Every table is written inside a region that scrolls sideways (Infrastructure/Tables): a region holding
/// something to focus is no tab stop of its own; one holding only text is a tab stop, a region named as its table is:
/// by the caption (which gets an id for it), or by the heading the table's aria-labelledby names.</summary>
public class TableRegionTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task A_table_of_text_is_a_named_tab_stop_and_a_table_with_links_is_not()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (_, delegateRegistration) = await app.ApprovedDelegateAsync(summit.Id, "Ana Vegan");
        await app.SetNeedsAsync(delegateRegistration.Id, null, Need.Vegan);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        // Captioned tables of counts: each region is named by its own table's caption.
        var needs = await organiser.GetPageAsync($"/Registration/Manage/Needs/{summit.Id}");
        foreach (var id in new[] { "needs-access", "needs-dietary" })
        {
            var region = RegionOf(needs, id);
            Assert.Equal("0", region.GetAttribute("tabindex"));
            Assert.Equal("region", region.GetAttribute("role"));
            var caption = needs.GetElementById(id)!.QuerySelector("caption")!;
            Assert.Equal(caption.Id, region.GetAttribute("aria-labelledby"));
            Assert.Contains(summit.Name, caption.TextContent);
        }

        // A table of text under a heading: named by that heading.
        using var visitor = app.CreateFormClient();
        var participants = await visitor.GetPageAsync($"/Summits/Participants/{summit.Id}");
        var listRegion = RegionOf(participants, "participants");
        Assert.Equal("0", listRegion.GetAttribute("tabindex"));
        Assert.Equal("Participants", participants.GetElementById(listRegion.GetAttribute("aria-labelledby")!)!.TextContent.Trim());

        // The vetting queue holds links and check boxes: a keyboard reaches them, so the region adds no tab stop.
        var queue = await organiser.GetPageAsync($"/Registration/Manage/{summit.Id}");
        var queueRegion = RegionOf(queue, "queue-table");
        Assert.Null(queueRegion.GetAttribute("tabindex"));
        Assert.Null(queueRegion.GetAttribute("role"));
    }

    private static IElement RegionOf(IDocument page, string tableId)
    {
        var region = page.GetElementById(tableId)!.ParentElement!;
        Assert.True(region.ClassList.Contains("table-responsive"), $"#{tableId} is not inside its scrolling region");
        return region;
    }
}
