using System.IO.Compression;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Materials;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>Documents attached to a summit or a breakout (Breakouts/Manage/Materials): type read from the content,
/// size limit, lists on the summit and session pages, the download's access check, deletion (audited).</summary>
public class MaterialsTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    /// <summary>An OOXML package whose [Content_Types].xml declares <paramref name="mainType"/> (enough for the check).</summary>
    private static byte[] Package(string mainType, string partName)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                writer.Write($"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="{partName}" ContentType="{mainType}"/></Types>""");
            using (var writer = new StreamWriter(zip.CreateEntry(partName.TrimStart('/')).Open())) writer.Write("<x/>");
        }
        return memory.ToArray();
    }

    private static byte[] Pptx() => Package("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", "/ppt/presentation.xml");
    private static byte[] Docx() => Package("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "/word/document.xml");
    private static byte[] Docm() => Package("application/vnd.ms-word.document.macroEnabled.main+xml", "/word/document.xml");

    private static async Task<IHtmlDocument> UploadAsync(FormClient client, int summitId, string title, string fileName, byte[] content,
        string visibility = "Public", int? breakoutId = null)
    {
        var form = await client.GetPageAsync($"/Breakouts/Manage/Materials/{summitId}");
        var (_, page) = await client.SubmitAndFollowAsync(form, "#material-add",
            new Dictionary<string, string> { ["Title"] = title, ["Visibility"] = visibility, ["BreakoutId"] = breakoutId?.ToString() ?? "" },
            new Dictionary<string, (string, byte[])> { ["Upload"] = (fileName, content) });
        return page;
    }

    private static string Errors(IHtmlDocument page) => string.Join(" | ",
        page.QuerySelectorAll(".validation-summary-errors li, .field-validation-error").Select(e => e.TextContent.Trim()));

    [Fact]
    public async Task Organisers_attach_a_pdf_slides_and_a_report_which_are_listed_and_downloaded_with_the_right_access()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, startHour: 10);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await UploadAsync(organiser, summit.Id, "Global Threat Assessment", "gta.pdf", Pdf);
        Assert.True(page.QuerySelector("#status") is not null, Errors(page));
        page = await UploadAsync(organiser, summit.Id, "Day one slides", "slides.PPTX", Pptx(), "Delegates", breakout.Id);
        Assert.True(page.QuerySelector("#status") is not null, Errors(page));
        page = await UploadAsync(organiser, summit.Id, "Model national response", "../../etc/report.docx", Docx(), "Delegates");
        Assert.True(page.QuerySelector("#status") is not null, Errors(page));
        Assert.Equal(3, page.QuerySelectorAll(".material-row").Length);

        var saved = await app.WithDbAsync(db => db.Materials.Where(m => m.SummitId == summit.Id).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal([MaterialType.Pdf, MaterialType.Pptx, MaterialType.Docx], saved.Select(m => m.Type));
        Assert.Equal("report.docx", saved[2].FileName);   // no path survives
        Assert.Equal(breakout.Id, saved[1].BreakoutId);
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "material.added" && saved.Select(m => m.Id.ToString()).Contains(e.SubjectId))));
        var (pdf, slides, report) = (saved[0], saved[1], saved[2]);

        // Anonymous: the public PDF is listed and downloads byte for byte; the delegates-only ones are neither listed nor served.
        using var anonymous = app.CreateFormClient();
        var summitPage = await anonymous.GetPageAsync($"/Summits/Details/{summit.Id}");
        Assert.Equal(["Global Threat Assessment"], summitPage.QuerySelectorAll("#materials-list a").Select(a => a.TextContent.Trim()));
        Assert.NotNull(summitPage.GetElementById("materials-for-delegates"));
        var download = await anonymous.GetAsync($"/Breakouts/Material/{pdf.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("gta.pdf", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Breakouts/Material/{report.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Breakouts/Material/{slides.Id}")).StatusCode);
        Assert.Empty((await anonymous.GetPageAsync($"/Breakouts/Session/{breakout.Id}")).QuerySelectorAll("#materials-list a"));

        // Signed in but not a delegate of this summit: still 404.
        using var stranger = await app.LoggedInClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Breakouts/Material/{report.Id}")).StatusCode);

        // An approved delegate sees and downloads them all: the slides on the session's page, the report on the summit's.
        var (me, _) = await app.ApprovedDelegateAsync(summit.Id, "Reading Delegate");
        using var delegateClient = await app.LogInAsync(me);
        var session = await delegateClient.GetPageAsync($"/Breakouts/Session/{breakout.Id}");
        Assert.Equal(["Day one slides"], session.QuerySelectorAll("#materials-list a").Select(a => a.TextContent.Trim()));
        var mine = await delegateClient.GetPageAsync($"/Summits/Details/{summit.Id}");
        Assert.Equal(["Model national response", "Global Threat Assessment"], mine.QuerySelectorAll("#materials-list a").Select(a => a.TextContent.Trim()));
        var slideDownload = await delegateClient.GetAsync($"/Breakouts/Material/{slides.Id}");
        Assert.Equal(HttpStatusCode.OK, slideDownload.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.presentationml.presentation", slideDownload.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", slideDownload.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await delegateClient.GetAsync($"/Breakouts/Material/{report.Id}")).StatusCode);

        // Kept after the summit: archived, the public document still downloads.
        await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summit.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, Data.Summits.SummitStatus.Archived)));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/Breakouts/Material/{pdf.Id}")).StatusCode);
    }

    [Theory]
    [InlineData("renamed.pdf", "png")]
    [InlineData("notes.docx", "text")]
    [InlineData("macros.docx", "docm")]
    [InlineData("archive.pptx", "zip")]
    public async Task A_file_whose_content_is_not_an_accepted_document_is_refused_whatever_its_name(string fileName, string kind)
    {
        var summit = await app.CreateOpenSummitAsync();
        var content = kind switch
        {
            "png" => new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 },
            "text" => "Just some text, not a Word document."u8.ToArray(),
            "docm" => Docm(),
            _ => Package("application/xml", "/data.xml"),
        };
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await UploadAsync(organiser, summit.Id, "Not really", fileName, content);
        Assert.Contains($"{fileName} {MaterialFormats.Refusal}", Errors(page));
        Assert.Equal(0, await app.WithDbAsync(db => db.Materials.CountAsync(m => m.SummitId == summit.Id)));
    }

    [Fact]
    public async Task A_file_over_the_limit_an_empty_one_and_a_missing_title_are_messages_not_errors()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var big = new byte[Material.MaxBytes + 1];
        Pdf.CopyTo(big, 0);
        var page = await UploadAsync(organiser, summit.Id, "Too big", "big.pdf", big);
        Assert.Contains("big.pdf is larger than 20 MB.", Errors(page));
        page = await UploadAsync(organiser, summit.Id, "Empty", "empty.pdf", []);
        Assert.Contains("The file is empty.", Errors(page));
        page = await UploadAsync(organiser, summit.Id, "", "fine.pdf", Pdf);
        Assert.Contains("Give the document a title.", Errors(page));
        Assert.Equal(0, await app.WithDbAsync(db => db.Materials.CountAsync(m => m.SummitId == summit.Id)));
    }

    [Fact]
    public async Task An_organiser_deletes_a_document_which_is_then_gone_for_everyone_and_the_deletion_is_audited()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        await UploadAsync(organiser, summit.Id, "Withdrawn paper", "paper.pdf", Pdf);
        var material = await app.WithDbAsync(db => db.Materials.SingleAsync(m => m.SummitId == summit.Id));
        using var anonymous = app.CreateFormClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/Breakouts/Material/{material.Id}")).StatusCode);
        Assert.Single((await anonymous.GetPageAsync($"/Summits/Details/{summit.Id}")).QuerySelectorAll("#materials-list a"));   // cached now

        var manage = await organiser.GetPageAsync($"/Breakouts/Manage/Materials/{summit.Id}");
        var (_, page) = await organiser.SubmitAndFollowAsync(manage, $"#material-delete-{material.Id}");
        Assert.Contains("deleted", page.QuerySelector("#status")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Breakouts/Material/{material.Id}")).StatusCode);
        Assert.Null((await anonymous.GetPageAsync($"/Summits/Details/{summit.Id}")).GetElementById("materials"));
        Assert.Equal(0, await app.WithDbAsync(db => db.MaterialContents.CountAsync(c => c.MaterialId == material.Id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "material.deleted" && e.SubjectId == material.Id.ToString())));

        // Deleting again (another tab) is not found, not an error.
        var response = await organiser.SubmitAsync(manage, $"#material-delete-{material.Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Only_organisers_reach_the_documents_page_and_an_unknown_document_is_not_found()
    {
        var summit = await app.CreateOpenSummitAsync();
        using var user = await app.LoggedInClientAsync();
        var response = await user.GetAsync($"/Breakouts/Manage/Materials/{summit.Id}");
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("AccessDenied") == true);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync("/Breakouts/Material/987654")).StatusCode);
    }

    [Fact]
    public async Task A_facilitator_adds_and_deletes_documents_of_their_own_breakout_only()
    {
        var summit = await app.CreateOpenSummitAsync();
        var mine = await app.CreateBreakoutAsync(summit, startHour: 10);
        var theirs = await app.CreateBreakoutAsync(summit, startHour: 12);
        var facilitator = await app.CreateUserAsync(fullName: "Session Facilitator");
        await app.DecorateAsync(mine.Id, facilitatorIds: [facilitator.Id]);
        using var client = await app.LogInAsync(facilitator);

        var session = await client.GetPageAsync($"/Breakouts/Session/{mine.Id}");
        Assert.NotNull(session.GetElementById("manage-materials"));
        var form = await client.GetPageAsync($"/Breakouts/Facilitate/Materials/{mine.Id}");
        var slides = Pptx(); // made once: a package carries the time it was written
        var (_, page) = await client.SubmitAndFollowAsync(form, "#material-add",
            new Dictionary<string, string> { ["Title"] = "Our slides", ["Visibility"] = "Delegates" },
            new Dictionary<string, (string, byte[])> { ["Upload"] = ("deck.pptx", slides) });
        Assert.True(page.QuerySelector("#status") is not null, Errors(page));
        var material = await app.WithDbAsync(db => db.Materials.SingleAsync(m => m.BreakoutId == mine.Id));
        Assert.Equal(MaterialVisibility.Delegates, material.Visibility);
        Assert.Equal(facilitator.Id, material.CreatedByUserId);

        // A renamed file is refused here too.
        (_, page) = await client.SubmitAndFollowAsync(await client.GetPageAsync($"/Breakouts/Facilitate/Materials/{mine.Id}"), "#material-add",
            new Dictionary<string, string> { ["Title"] = "Fake" }, new Dictionary<string, (string, byte[])> { ["Upload"] = ("fake.pdf", "hello"u8.ToArray()) });
        Assert.Contains(MaterialFormats.Refusal, Errors(page));

        // Another breakout's page: 403, and no link on its session page.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Breakouts/Facilitate/Materials/{theirs.Id}")).StatusCode);
        Assert.Null((await client.GetPageAsync($"/Breakouts/Session/{theirs.Id}")).GetElementById("manage-materials"));

        // The facilitator (not a delegate of the summit) downloads it from the link their page gives, and sees it listed
        // on the session's page; another breakout's and the summit's delegates-only documents stay closed to them.
        var link = (await client.GetPageAsync($"/Breakouts/Facilitate/Materials/{mine.Id}"))
            .QuerySelector($".material-row[data-id='{material.Id}'] a")!.GetAttribute("href")!;
        var download = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(slides, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Our slides"], (await client.GetPageAsync($"/Breakouts/Session/{mine.Id}")).QuerySelectorAll("#materials-list a").Select(a => a.TextContent.Trim()));
        using (var organiser = await app.LoggedInClientAsync(Roles.Organiser))
        {
            await UploadAsync(organiser, summit.Id, "Their notes", "notes.pdf", Pdf, "Delegates", theirs.Id);
            await UploadAsync(organiser, summit.Id, "Delegates' briefing", "briefing.pdf", Pdf, "Delegates");
        }
        foreach (var closed in await app.WithDbAsync(db => db.Materials.Where(m => m.SummitId == summit.Id && m.BreakoutId != mine.Id).Select(m => m.Id).ToListAsync()))
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Breakouts/Material/{closed}")).StatusCode);

        var manage = await client.GetPageAsync($"/Breakouts/Facilitate/Materials/{mine.Id}");
        (_, page) = await client.SubmitAndFollowAsync(manage, $"#material-delete-{material.Id}");
        Assert.Contains("deleted", page.QuerySelector("#status")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Materials.CountAsync(m => m.BreakoutId == mine.Id)));
    }
}
