using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Communiques;

/// <summary>The evidence report of a published statement: signed, for organisers only, and its contents read back
/// with PdfPig equal the database (every endorsement, withdrawals with reasons, declarations, audit events, the
/// checkpoint written at publication).</summary>
public class EvidenceReportTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task An_organiser_downloads_a_signed_evidence_report_that_matches_the_database()
    {
        var closed = await app.ClosedStatementAsync();
        Assert.Equal(1, await app.WithDbAsync(async db =>
        {
            var first = await db.Endorsements.Where(e => e.StatementId == closed.StatementId && e.WithdrawnUtc == null).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            return await db.Endorsements.Where(e => e.Id == first).ExecuteUpdateAsync(s => s.SetProperty(e => e.Declaration, "With an interpretative declaration."));
        }));
        var communique = await app.PublishedAsync(closed.StatementId);
        // The job writes the checkpoint just after the publication's commit: the report is asked for once it is there.
        var checkpoints = app.Services.GetRequiredService<Web.Audit.AuditCheckpoints>();
        for (var waited = 0; waited < 30_000 && !checkpoints.All().Any(c => c.Reason == $"communique {communique.Id} published"); waited += 100)
            await Task.Delay(100);

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Communiques/Manage/{closed.StatementId}");
        var link = page.QuerySelector("a#evidence-report")!.GetAttribute("href")!;
        var response = await organiser.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Contains("Signature is Valid.", await PdfTools.PdfsigAsync(pdf));
        Assert.True(PdfSignatureVerifier.Verify(pdf).IsValid);

        var words = PdfTools.Words(pdf);
        var rows = await app.WithDbAsync(db => db.Endorsements.AsNoTracking().Include(e => e.Organisation)
            .Where(e => e.StatementId == closed.StatementId).ToListAsync());
        Assert.Equal(closed.Organisations.Count + 1, rows.Count);
        foreach (var e in rows)
        {
            Assert.Contains(e.Organisation.FormalName, words);
            Assert.Contains($"Signed by {e.PrintedName}, {e.PrintedPosition}, {e.SignedUtc:yyyy-MM-dd HH:mm:ss} UTC", words);
        }
        Assert.Contains($"SHA-256 {closed.ContentHash}", words);
        Assert.Contains("Withdrawn", words);
        Assert.Contains("Changed its mind", words);
        Assert.Contains("Withdrawal: Withdrawn by a signatory of the organisation", words);
        Assert.Contains("Declaration: With an interpretative declaration.", words);
        Assert.Contains("fresh, single-use authenticator code", words);
        Assert.Contains($"Communiqué SHA-256: {communique.Sha256}", words);

        var publishedEvent = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == "communique.published" && e.SubjectId == communique.Id.ToString()));
        Assert.Contains($"#{publishedEvent.Sequence} ", words);
        var checkpoint = Assert.Single(checkpoints.All(), c => c.Reason == $"communique {communique.Id} published");
        Assert.Contains($"head hash {checkpoint.HeadHash}", words);
        Assert.True(checkpoint.Rows >= publishedEvent.Sequence);

        // Not for the public: it names the people who signed.
        using var anonymous = app.CreateFormClient();
        var refused = await anonymous.Http.GetAsync(link);
        Assert.NotEqual("application/pdf", refused.Content.Headers.ContentType?.MediaType);
    }
}
