using MimeKit;

namespace WeProtect.Summit.Tests.Outbox;

/// <summary>The Outbox lists every message a hundred at a time, newest first, not only the last 500.</summary>
public class OutboxPagingTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task Seven_hundred_messages_are_seven_pages_newest_first()
    {
        Directory.CreateDirectory(app.OutboxFolder);
        for (var i = 1; i <= 730; i++)
        {
            var message = new MimeMessage { Subject = $"Paged message {i:D4}" };
            message.From.Add(MailboxAddress.Parse("summit@example.org"));
            message.To.Add(MailboxAddress.Parse($"reader{i}@example.org"));
            message.Body = new TextPart("plain") { Text = "Hello" };
            await message.WriteToAsync(Path.Combine(app.OutboxFolder, $"paged-{i:D4}.eml"));
        }
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var first = await organiser.GetPageAsync("/Outbox");
        var subjects = first.QuerySelectorAll("main table a").Select(a => a.TextContent).ToList();
        Assert.Equal(100, subjects.Count);
        Assert.Equal("Paged message 0730", subjects[0]);
        Assert.Contains("730 messages", first.QuerySelector("#outbox-count")!.TextContent);
        Assert.Equal(5, first.QuerySelectorAll("#outbox-pager a").Length);    // pages 1–4, then a gap, then 8

        var last = await organiser.GetPageAsync("/Outbox?p=8");
        var lastSubjects = last.QuerySelectorAll("main table a").Select(a => a.TextContent).ToList();
        Assert.Equal(30, lastSubjects.Count);
        Assert.Equal("Paged message 0001", lastSubjects[^1]);

        // A page past the end or a nonsense one shows the nearest page, never an error.
        Assert.Equal(30, (await organiser.GetPageAsync("/Outbox?p=99")).QuerySelectorAll("main table a").Length);
        Assert.Equal(HttpStatusCode.OK, (await organiser.GetAsync("/Outbox?p=abc")).StatusCode);
        Assert.Equal(100, (await organiser.GetPageAsync("/Outbox?p=-3")).QuerySelectorAll("main table a").Length);
    }
}
