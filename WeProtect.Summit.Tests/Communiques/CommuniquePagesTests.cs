using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Endorsements;

namespace WeProtect.Summit.Tests.Communiques;

/// <summary>Publishing from the organiser page, the public communiqué pages, the signatory downloads and the
/// verification page, through HTTP as a browser would.</summary>
public class CommuniquePagesTests : IClassFixture<SummitAppFactory>
{
    private readonly SummitAppFactory app;

    public CommuniquePagesTests(SummitAppFactory app) => this.app = app;

    private async Task<IReadOnlyList<Signatory>> OrderAsync(int statementId) =>
        (await app.WithDbAsync(db => AgreedBy.LoadAsync(db, statementId, AgreedBy.Comparison(null)))).Signatories;

    [Fact]
    public async Task An_organiser_publishes_a_closed_statement_and_sees_the_job_finish()
    {
        var closed = await app.ClosedStatementAsync();
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var url = $"/Communiques/Manage/{closed.StatementId}";
        var page = await organiser.GetPageAsync(url);
        Assert.NotNull(page.QuerySelector("#publish"));
        Assert.NotNull(page.QuerySelector("a#jobs-dashboard[href='/Organiser/Jobs']"));

        var (response, after) = await organiser.SubmitAndFollowAsync(page, "form#publish-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("queued", after.QuerySelector("#status")!.TextContent);
        Assert.Null(after.QuerySelector("#publish"));
        var state = after.QuerySelector("#communique-state")!.GetAttribute("data-status");
        if (state is "Queued" or "Generating")
        {
            // Polled by htmx while in progress, with a plain link for browsers without JavaScript.
            Assert.Equal("every 2s", after.QuerySelector("#communique-status")!.GetAttribute("hx-trigger"));
            Assert.NotNull(after.QuerySelector("a#refresh"));
        }

        await app.WaitForCommuniqueAsync(closed.StatementId, c => c.Status == CommuniqueStatus.Published);
        var request = new HttpRequestMessage(HttpMethod.Get, url + "?handler=Status");
        request.Headers.Add("HX-Request", "true");
        var partial = await FormClient.ParseAsync(await organiser.Http.SendAsync(request));
        Assert.Equal("Published", partial.QuerySelector("#communique-state")!.GetAttribute("data-status"));
        Assert.Null(partial.QuerySelector("[hx-trigger]")); // polling stops
        Assert.NotNull(partial.QuerySelector("#self-signed-warning"));

        var published = await organiser.GetPageAsync(url);
        Assert.Equal("Published", published.QuerySelector("#statement-status")!.TextContent);
        Assert.NotNull(published.QuerySelector("a#public-page"));

        // A second publish is refused, with the reason shown, not an error page.
        var again = await organiser.Http.PostAsync(url + "?handler=Publish", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector("form#publish-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already queued or published", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Communiques.CountAsync(c => c.StatementId == closed.StatementId)));
    }

    [Fact]
    public async Task A_statement_that_is_not_closed_offers_no_publish_button()
    {
        var summit = await app.CreateOpenSummitAsync();
        var statementId = await app.WithDbAsync(async db =>
        {
            var statement = new Data.Statements.Statement { SummitId = summit.Id, Title = "Still a draft", Kind = Data.Statements.StatementKind.CallToAction, CreatedUtc = app.UtcNow };
            db.Statements.Add(statement);
            await db.SaveChangesAsync();
            return statement.Id;
        });
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Communiques/Manage/{statementId}");
        Assert.Null(page.QuerySelector("#publish"));
        Assert.Contains("Only a closed statement can be published; this one is a draft", page.QuerySelector("#not-closed")!.TextContent);

        // Posting anyway (a stale page) is refused with the reason, and queues nothing.
        var token = (await organiser.GetPageAsync("/Communiques/Verify")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await organiser.Http.PostAsync($"/Communiques/Manage/{statementId}?handler=Publish",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("only a closed statement can be published", await post.Content.ReadAsStringAsync());
        Assert.Null(await app.CommuniqueOfAsync(statementId));

        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync("/Communiques/Manage/987654")).StatusCode);
        // The status fragment is for htmx; a plain request is sent to the whole page.
        var plain = await organiser.GetAsync($"/Communiques/Manage/{statementId}?handler=Status");
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
    }

    [Theory]
    [InlineData("Call to Action", 7, "Call to Action – communiqué 7.pdf")]
    [InlineData("Côte d'Ivoire: \"Déclaration\" / 2024?", 3, "Côte d'Ivoire Déclaration 2024 – communiqué 3.pdf")]
    [InlineData("***", 2, "Communiqué – communiqué 2.pdf")]
    public void The_download_is_named_after_the_statement_without_characters_file_systems_refuse(string title, int id, string expected) =>
        Assert.Equal(expected, Web.Pages.Communiques.DetailsModel.FileName(title, id));

    [Fact]
    public async Task Delegates_cannot_open_or_post_to_the_publishing_page()
    {
        var closed = await app.ClosedStatementAsync();
        using var member = await app.LoggedInClientAsync();
        var url = $"/Communiques/Manage/{closed.StatementId}";
        var get = await member.GetAsync(url);
        Assert.True(get.StatusCode == HttpStatusCode.Forbidden || get.Headers.Location?.OriginalString.Contains("AccessDenied") == true);
        var post = await member.Http.PostAsync(url + "?handler=Publish", new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Null(await app.CommuniqueOfAsync(closed.StatementId));

        using var anonymous = app.CreateFormClient();
        var challenged = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, challenged.StatusCode);
        Assert.Contains("/Account/Login", challenged.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_public_page_shows_the_hash_certificate_warning_signatories_and_text_version()
    {
        var closed = await app.ClosedStatementAsync();
        var communique = await app.PublishedAsync(closed.StatementId);
        using var anonymous = app.CreateFormClient();

        var list = await anonymous.GetPageAsync("/Communiques");
        Assert.NotNull(list.QuerySelector($"a[href='/Communiques/{communique.Id}']"));

        var page = await anonymous.GetPageAsync($"/Communiques/{communique.Id}");
        Assert.Equal(communique.Sha256, page.QuerySelector("#pdf-sha256")!.TextContent);
        Assert.Equal(communique.CertificateThumbprint, page.QuerySelector("#certificate-thumbprint")!.TextContent);
        Assert.Equal(communique.CertificateSubject, page.QuerySelector("#certificate-subject")!.TextContent);
        Assert.Contains("not from a trusted authority", page.QuerySelector("#self-signed-warning")!.TextContent);
        Assert.Equal($"/Statements/{closed.StatementId}/text", page.QuerySelector("#text-link")!.GetAttribute("href"));
        Assert.Equal(closed.ContentHash, page.QuerySelector("#content-hash")!.TextContent);
        var order = await OrderAsync(closed.StatementId);
        Assert.Equal(order.Select(s => s.FormalName), page.QuerySelectorAll("#signatories .signatory").Select(li => li.TextContent));
        Assert.DoesNotContain("Signing Minister", page.Body!.TextContent); // organisations, not the people who signed

        var pdf = await anonymous.GetAsync($"/Communiques/{communique.Id}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal(communique.Pdf, await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains(closed.Title, pdf.Content.Headers.ContentDisposition!.FileNameStar ?? pdf.Content.Headers.ContentDisposition.FileName);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/Communiques/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/Communiques/987654/pdf")).StatusCode);
    }

    [Fact]
    public async Task A_communique_not_yet_published_has_no_public_page()
    {
        var closed = await app.ClosedStatementAsync();
        var id = await app.WithDbAsync(async db =>
        {
            var c = new Communique { StatementId = closed.StatementId, QueuedUtc = app.UtcNow };
            for (var attempt = 0; attempt < Communique.MaxAttempts; attempt++)
            {
                c.Claim(app.UtcNow);
                c.MarkAttemptFailed("No certificate", app.UtcNow, TimeSpan.Zero);
            }
            db.Communiques.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        using var anonymous = app.CreateFormClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Communiques/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Communiques/{id}/pdf")).StatusCode);
    }

    [Fact]
    public async Task The_verify_page_accepts_the_published_pdf_and_rejects_a_copy_with_one_byte_changed()
    {
        var closed = await app.ClosedStatementAsync();
        var communique = await app.PublishedAsync(closed.StatementId);
        using var anonymous = app.CreateFormClient();

        var (ok, valid) = await anonymous.VerifyAsync(communique.Pdf!);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("true", valid.QuerySelector("#verify-result")!.GetAttribute("data-valid"));
        Assert.StartsWith("Valid", valid.QuerySelector("#verdict")!.TextContent);
        Assert.Contains(closed.Title, valid.QuerySelector("#published-here")!.TextContent);
        Assert.Contains("the certificate communiqués are published with here", valid.QuerySelector("#signer")!.TextContent);
        Assert.NotNull(valid.QuerySelector("#self-signed-warning"));
        var order = await OrderAsync(closed.StatementId);
        Assert.Equal(order.Select(s => s.FormalName), valid.QuerySelectorAll("#signatories .signatory").Select(li => li.TextContent));

        // One byte changed inside the signed range (a digit of the page content's numbers becomes another).
        var tampered = (byte[])communique.Pdf!.Clone();
        tampered[tampered.Length / 3] ^= 0x01;
        var (status, notValid) = await anonymous.VerifyAsync(tampered);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("false", notValid.QuerySelector("#verify-result")!.GetAttribute("data-valid"));
        Assert.StartsWith("Not valid", notValid.QuerySelector("#verdict")!.TextContent);
        Assert.StartsWith("No", notValid.QuerySelector("#published-here")!.TextContent.Trim());
        Assert.Contains("Not valid", notValid.QuerySelector("#signature")!.TextContent);
    }

    [Fact]
    public async Task Non_pdf_truncated_empty_and_mislabelled_uploads_get_a_clear_answer()
    {
        var closed = await app.ClosedStatementAsync();
        var communique = await app.PublishedAsync(closed.StatementId);
        using var anonymous = app.CreateFormClient();

        var (notPdf, notPdfPage) = await anonymous.VerifyAsync("this is plain text, not a PDF"u8.ToArray(), "notes.pdf");
        Assert.Equal(HttpStatusCode.OK, notPdf.StatusCode);
        Assert.Contains("not a PDF file", notPdfPage.QuerySelector(".alert-danger")!.TextContent);
        Assert.Null(notPdfPage.QuerySelector("#verify-result"));

        var (truncated, truncatedPage) = await anonymous.VerifyAsync(communique.Pdf![..(communique.Pdf!.Length / 2)]);
        Assert.Equal(HttpStatusCode.OK, truncated.StatusCode);
        Assert.Equal("false", truncatedPage.QuerySelector("#verify-result")!.GetAttribute("data-valid"));
        Assert.False(string.IsNullOrWhiteSpace(truncatedPage.QuerySelector("#signature")!.TextContent));

        var (mislabelled, mislabelledPage) = await anonymous.VerifyAsync(communique.Pdf!, "communique.png", "image/png");
        Assert.Equal(HttpStatusCode.OK, mislabelled.StatusCode);
        Assert.Contains("not a PDF file", mislabelledPage.QuerySelector(".alert-danger")!.TextContent);

        var (empty, emptyPage) = await anonymous.VerifyAsync([]);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Choose a PDF file", emptyPage.QuerySelector(".alert-danger")!.TextContent);

        // Larger than the limit: a plain answer, never an error page.
        var huge = new byte[Web.Pages.Communiques.VerifyModel.MaxBytes + 1024 * 1024];
        "%PDF-"u8.CopyTo(huge);
        var (tooLarge, tooLargePage) = await anonymous.VerifyAsync(huge);
        Assert.Equal(HttpStatusCode.OK, tooLarge.StatusCode);
        Assert.Contains("larger than 20 MB", tooLargePage.QuerySelector(".alert-danger")!.TextContent);
        Assert.Null(tooLargePage.QuerySelector("#verify-result"));

        // Without the antiforgery token the post is refused.
        using var content = new MultipartFormDataContent { { new ByteArrayContent(communique.Pdf!), "Upload", "c.pdf" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.Http.PostAsync("/Communiques/Verify", content)).StatusCode);
    }

    [Fact]
    public async Task Embargoed_signatories_are_downloadable_by_organisers_only_until_publication()
    {
        var closed = await app.ClosedStatementAsync(embargoed: true);
        var urls = new[] { "", "/csv", "/json", "/pdf" }.Select(s => $"/Communiques/Signatories/{closed.StatementId}{s}").ToList();
        using var anonymous = app.CreateFormClient();
        using var member = await app.LoggedInClientAsync();
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await organiser.GetAsync(url)).StatusCode);
        }

        await app.PublishedAsync(closed.StatementId);
        var order = await OrderAsync(closed.StatementId);
        foreach (var url in urls) Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url)).StatusCode);

        // CSV: organisation fields only, in "Agreed by" order, accents intact.
        var csvResponse = await anonymous.GetAsync(urls[1]);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var csvText = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        using (var csv = new CsvReader(new StringReader(csvText), CultureInfo.InvariantCulture))
        {
            csv.Read();
            csv.ReadHeader();
            Assert.Equal(["Sector", "ListedName", "FormalName", "SortName", "SignedUtc", "Declaration", "RecordedFrom"], csv.HeaderRecord!);
            var rows = new List<(string Sector, string Formal)>();
            while (csv.Read()) rows.Add((csv.GetField("Sector")!, csv.GetField("FormalName")!));
            Assert.Equal(order.Select(s => s.FormalName), rows.Select(r => r.Formal));
            Assert.Equal("Government", rows[0].Sector);
        }
        Assert.DoesNotContain("Signing Minister", csvText);
        Assert.DoesNotContain("Withdrawn Ministry", csvText);

        var json = JsonDocument.Parse(await anonymous.Http.GetByteArrayAsync(urls[2]));
        Assert.Equal(order.Count, json.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(closed.ContentHash, json.RootElement.GetProperty("contentHash").GetString());
        Assert.Equal(order.Select(s => s.FormalName),
            json.RootElement.GetProperty("signatories").EnumerateArray().Select(e => e.GetProperty("formalName").GetString()));
        Assert.DoesNotContain("Signing Minister", json.RootElement.GetRawText());

        var pdf = await anonymous.Http.GetByteArrayAsync(urls[3]);
        var words = PdfTools.BodyWords(pdf);
        var positions = order.Select(s =>
        {
            Assert.Equal(1, PdfTools.CountPhrase(words, s.FormalName));
            return PdfTools.PositionOf(words, s.FormalName);
        }).ToList();
        Assert.Equal(positions.Order(), positions);
    }
}
