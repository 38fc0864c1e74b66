using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Tests.Reporting;

/// <summary>PDF attachments to progress reports over HTTP: checked by content (a renamed file, a non-PDF, a damaged PDF,
/// a file too large: each a plain message, nothing stored), stored with their SHA-256, frozen in the submission's hash,
/// removable only from a draft, and downloadable by the focal points and organisers, by the public only once the
/// cycle is published and the member consented to publish its narratives.</summary>
public class ReportAttachmentTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    // The status line, done or refused (a refusal is role="alert").
    private static string Status(IHtmlDocument page) => page.QuerySelector("#status")?.TextContent.Trim() ?? "";
    private static string Errors(IHtmlDocument page) => page.QuerySelector(".alert-danger")?.TextContent.Trim() ?? "";

    private Task<List<ReportAttachment>> AttachmentsAsync(int reportId) =>
        app.WithDbAsync(db => db.ReportAttachments.AsNoTracking().Where(a => a.ReportId == reportId).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task A_pdf_attached_to_the_draft_is_stored_with_its_sha256_frozen_in_the_submission_hash_and_removable_only_from_a_draft()
    {
        var organisation = await app.OrganisationAsync();
        var (_, cycle) = await app.CycleOnNewStatementAsync(organisation);
        var url = ReportingData.ReportUrl(cycle.Id, organisation.Id);
        var (user, focal, key) = await app.FocalPointAsync(organisation.Id, fullName: "Attaching Focal");
        var page = await focal.GetPageAsync(url);
        Assert.NotNull(page.QuerySelector("#no-attachments"));

        // Attaching with no draft yet starts one; the name keeps only its last part and ends in .pdf.
        var pdf = ReportingData.Pdf("National strategy 2026");
        var (_, attached) = await focal.AttachAsync(page, "C:\\reports\\strategy.PDF", pdf);
        Assert.Contains("strategy.pdf attached", Status(attached));
        var draft = Assert.Single(await app.ReportsAsync(cycle.Id, organisation.Id));
        var stored = Assert.Single(await AttachmentsAsync(draft.Id));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        Assert.Equal(("strategy.pdf", sha, (long)pdf.Length), (stored.FileName, stored.Sha256, stored.SizeBytes));
        Assert.Contains(sha, attached.QuerySelector($"#attachment-{stored.Id}")!.TextContent);
        // Its size in kilobytes, the unit said in the reader's language.
        var kilobytes = Math.Max(1, (pdf.Length + 1023) / 1024);
        Assert.Contains($"({kilobytes} KB, SHA-256", attached.QuerySelector($"#attachment-{stored.Id}")!.TextContent);
        var french = await LocalizedAppFactory.Speaking(focal, "fr").GetPageAsync(url);
        Assert.Contains($"({kilobytes} Ko, SHA-256", french.QuerySelector($"#attachment-{stored.Id}")!.TextContent);
        focal.Http.DefaultRequestHeaders.AcceptLanguage.Clear();
        Assert.Equal(["progress-report.started", "progress-report.attachment-added"], await app.AuditActionsAsync(nameof(ProgressReport), draft.Id));

        // The same content twice is refused; the focal point downloads it byte for byte.
        var (_, twice) = await focal.AttachAsync(attached, "copy.pdf", pdf);
        Assert.Contains("already attached", Errors(twice));
        var download = await focal.Http.GetAsync($"/Reporting/Attachment/{stored.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(sha, download.Headers.GetValues("X-Content-SHA256").Single());

        // A second one, removed again while a draft.
        var other = ReportingData.Pdf("Annual report");
        var (_, two) = await focal.AttachAsync(twice, "annual.pdf", other);
        var second = (await AttachmentsAsync(draft.Id))[1];
        var (_, removed) = await focal.SubmitAndFollowAsync(two, $"form#remove-attachment-{second.Id}");
        Assert.Contains("annual.pdf removed", Status(removed));
        Assert.Single(await AttachmentsAsync(draft.Id));

        // Submitting freezes the attachment into the hash.
        var (_, submitted) = await focal.SubmitAndFollowAsync(removed, "form#report-form",
            ReportingData.Entry(0, CommitmentStatus.Achieved).With(new() { ["Input.Code"] = app.TotpCode(key!) }), submitter: "#submit");
        Assert.Contains("Submitted: submission 1", Status(submitted));
        var report = (await app.WithDbAsync(db => db.ProgressReports.AsNoTracking().Include(r => r.Entries).Include(r => r.Attachments).SingleAsync(r => r.Id == draft.Id)));
        Assert.Equal(ReportHash.Of(cycle.Id, organisation.Id, 1, report.Entries, report.Attachments), report.ContentHash);
        Assert.NotEqual(ReportHash.Of(cycle.Id, organisation.Id, 1, report.Entries), report.ContentHash);
        Assert.Contains($"[\"{sha}\",\"strategy.pdf\",{pdf.Length}]", ReportHash.Canonical(cycle.Id, organisation.Id, 1, report.Entries, report.Attachments));
        Assert.Null(submitted.QuerySelector($"form#remove-attachment-{stored.Id}"));

        // A submitted report's attachment is not removed (a post made from the draft's page, or straight to the desk).
        var late = await focal.SubmitAsync(two, $"form#remove-attachment-{stored.Id}");
        var lateAnswer = await FormClient.ParseAsync(await focal.FollowAsync(late));
        Assert.Contains("is submitted: its attachments stay", Status(lateAnswer));
        using (var scope = app.Services.CreateScope())
        {
            var refused = await scope.ServiceProvider.GetRequiredService<ReportingDesk>().RemoveAttachmentAsync(cycle.Id, organisation.Id, stored.Id,
                report.Version, user.Id, new AuditActor(user.Id, user.FullName));
            Assert.False(refused.Succeeded);
        }
        Assert.Single(await AttachmentsAsync(report.Id));

        // The next draft starts with a copy, which may be removed there; the submission keeps its own.
        var (_, next) = await focal.SubmitAndFollowAsync(submitted, "form#report-form", ReportingData.Entry(1, CommitmentStatus.InProgress));
        Assert.Contains("Draft saved", Status(next));
        var newDraft = (await app.ReportsAsync(cycle.Id, organisation.Id)).Single(r => r.Status == ProgressReportStatus.Draft);
        var copy = Assert.Single(await AttachmentsAsync(newDraft.Id));
        Assert.Equal(sha, copy.Sha256);
        var (_, copyRemoved) = await focal.SubmitAndFollowAsync(next, $"form#remove-attachment-{copy.Id}");
        Assert.Contains("removed", Status(copyRemoved));
        Assert.Empty(await AttachmentsAsync(newDraft.Id));
        Assert.Single(await AttachmentsAsync(report.Id));
    }

    [Fact]
    public async Task A_renamed_file_a_non_pdf_a_damaged_pdf_and_a_file_too_large_are_refused_with_plain_messages_and_nothing_is_stored()
    {
        var organisation = await app.OrganisationAsync();
        var (_, cycle) = await app.CycleOnNewStatementAsync(organisation);
        var (_, focal, _) = await app.FocalPointAsync(organisation.Id, twoFactor: false);
        var page = await focal.GetPageAsync(ReportingData.ReportUrl(cycle.Id, organisation.Id));

        // A Word document renamed .pdf: a zip, not a PDF.
        var docx = "PK\u0003\u0004 word/document.xml"u8.ToArray();
        var cases = new (string Name, byte[] Content, string Message)[]
        {
            ("renamed.pdf", docx, "renamed.pdf is not a PDF"),
            ("notes.txt", "Just some notes"u8.ToArray(), "notes.pdf is not a PDF"),
            ("cut.pdf", ReportingData.Pdf("cut short")[..200], "cut.pdf is not a complete PDF"),
            ("fake.pdf", "%PDF-1.7\n1 0 obj garbage endobj\nstartxref\n9\n%%EOF\n"u8.ToArray(), "fake.pdf could not be read as a PDF"),
            ("huge.pdf", new byte[ReportAttachment.MaxBytes + 1], "huge.pdf is larger than 10 MB"),
        };
        foreach (var (name, content, message) in cases)
        {
            var response = await focal.SubmitAsync(page, "form#attach-form", files: new Dictionary<string, (string, byte[])> { ["Upload"] = (name, content) });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, Errors(await FormClient.ParseAsync(response)));
        }
        Assert.False(await app.WithDbAsync(db => db.ReportAttachments.AnyAsync(a => db.ProgressReports.Any(r => r.Id == a.ReportId && r.CycleId == cycle.Id))));
    }

    [Fact]
    public async Task The_public_downloads_an_attachment_only_once_the_cycle_is_published_and_only_where_the_member_consented_to_publish_its_narratives()
    {
        var consenting = await app.OrganisationAsync();
        var withheld = await app.OrganisationAsync();
        var statement = await app.PublishedStatementAsync([consenting, withheld]);
        var cycle = await app.CycleAsync(statement.SummitId, [statement.Id], app.UtcNow.AddMinutes(30));
        var ids = new Dictionary<int, int>();
        foreach (var (organisation, consent) in new[] { (consenting, true), (withheld, false) })
        {
            var (_, focal, key) = await app.FocalPointAsync(organisation.Id);
            var page = await focal.GetPageAsync(ReportingData.ReportUrl(cycle.Id, organisation.Id));
            var (_, attached) = await focal.AttachAsync(page, "evidence.pdf", ReportingData.Pdf($"Evidence {organisation.Id}"));
            var values = ReportingData.Entry(0, CommitmentStatus.Achieved, "Narrative").With(new() { ["Input.Code"] = app.TotpCode(key!) });
            if (consent) values["Input.Publication"] = nameof(ReportPublication.FiguresAndNarratives);
            var (_, done) = await focal.SubmitAndFollowAsync(attached, "form#report-form", values, submitter: "#submit");
            Assert.Contains("Submitted", Status(done));
            ids[organisation.Id] = (await app.WithDbAsync(db => db.ReportAttachments.AsNoTracking()
                .Where(a => db.ProgressReports.Any(r => r.Id == a.ReportId && r.CycleId == cycle.Id && r.OrganisationId == organisation.Id)).SingleAsync())).Id;
        }
        var anonymous = app.CreateFormClient();
        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var outsider = await app.LogInAsync(await app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Reporting/Attachment/{ids[consenting.Id]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Reporting/Attachment/{ids[consenting.Id]}")).StatusCode);
        var beforePublication = await organiser.GetAsync($"/Reporting/Attachment/{ids[withheld.Id]}");
        Assert.Equal(HttpStatusCode.OK, beforePublication.StatusCode);
        Assert.Contains("no-store", beforePublication.Headers.CacheControl?.ToString());

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<ReportingDesk>().PublishAsync(cycle.Id, new AuditActor(null, "Test organiser"))).Succeeded);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/Reporting/Attachment/{ids[consenting.Id]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Reporting/Attachment/{ids[withheld.Id]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await organiser.GetAsync($"/Reporting/Attachment/{ids[withheld.Id]}")).StatusCode);
        // The member page lists the consenting member's attachment, and not the other's.
        var memberPage = await anonymous.GetPageAsync($"/Reporting/Member/{consenting.Id}");
        Assert.NotNull(memberPage.QuerySelector($"a[href='/Reporting/Attachment/{ids[consenting.Id]}']"));
        var privatePage = await anonymous.GetPageAsync($"/Reporting/Member/{withheld.Id}");
        Assert.Null(privatePage.QuerySelector($"a[href='/Reporting/Attachment/{ids[withheld.Id]}']"));
    }
}
