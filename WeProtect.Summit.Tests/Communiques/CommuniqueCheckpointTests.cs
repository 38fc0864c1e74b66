using System.Text.Json;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Web.Audit;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Communiques;

/// <summary>The communiqué carries the audit checkpoint written when its list was read: printed (rows, head hash) and
/// attached as a file inside the signed PDF, so every copy witnesses the trail as it stood. The attachment is the
/// checkpoint as the checkpoints file holds it: signed by the communiqué's certificate, naming a row the trail has.</summary>
public class CommuniqueCheckpointTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    /// <summary>The files attached to a PDF, by name (poppler's <c>pdfdetach</c>).</summary>
    private static async Task<IReadOnlyDictionary<string, byte[]>> AttachmentsAsync(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("attachments-");
        try
        {
            await Poppler.RunAsync("pdfdetach", pdf, mustSucceed: true, "-saveall", "-o", folder.FullName);
            return folder.GetFiles().ToDictionary(f => f.Name, f => File.ReadAllBytes(f.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_published_communique_carries_a_signed_checkpoint_of_the_trail_as_its_list_was_read()
    {
        var closed = await app.ClosedStatementAsync();
        var published = await app.PublishedAsync(closed.StatementId);
        var pdf = published.Pdf!;
        Assert.Contains("Signature is Valid.", await PdfTools.PdfsigAsync(pdf));

        var attachments = await AttachmentsAsync(pdf);
        Assert.Equal([CommuniquePdf.CheckpointFileName], attachments.Keys.ToList());
        var checkpoint = JsonSerializer.Deserialize<AuditCheckpoint>(attachments[CommuniquePdf.CheckpointFileName])!;
        Assert.True(checkpoint.SignatureHolds());
        Assert.Equal(published.CertificateThumbprint, checkpoint.CertificateThumbprint());
        Assert.Equal($"communique {published.Id} revision 1 rendered", checkpoint.Reason);
        // The row it names is in the trail with that hash, and the trail had reached the publication request.
        var row = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Sequence == checkpoint.Rows));
        Assert.Equal(row.Hash, checkpoint.HeadHash);
        var queued = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .SingleAsync(e => e.Action == "communique.queued" && e.SubjectId == published.Id.ToString()));
        Assert.True(checkpoint.Rows >= queued.Sequence);
        // And the reader sees it printed.
        var words = PdfTools.Words(pdf);
        var events = checkpoint.Rows == 1 ? "1 event" : $"{checkpoint.Rows:N0} events";
        Assert.Contains($"Audit trail when the list was read: {events}; hash of the last (SHA-256): {checkpoint.HeadHash}", words);
        Assert.Contains($"The signed checkpoint is attached to this file as {CommuniquePdf.CheckpointFileName}.", words);
        // It is also in the checkpoints file, as the auditor's script reads them.
        Assert.Contains(app.Services.GetRequiredService<AuditCheckpoints>().All(), c => c.Signature == checkpoint.Signature);

        // The Verify page reads it from any copy: to anyone, what it says; to an administrator, whether today's trail agrees.
        using var visitor = app.CreateFormClient();
        var (_, seen) = await visitor.VerifyAsync(pdf);
        Assert.Equal("true", seen.QuerySelector("#verify-result")!.GetAttribute("data-valid"));
        var carried = seen.QuerySelector("#audit-checkpoint")!.TextContent;
        Assert.Contains($"{events} on", carried);
        Assert.Contains(checkpoint.HeadHash, carried);
        Assert.Null(seen.QuerySelector("#trail-check"));
        using var admin = await app.LoggedInClientAsync(Roles.Admin);
        var (_, checkedByAdmin) = await admin.VerifyAsync(pdf);
        Assert.Equal("The audit trail today agrees with it: nothing recorded up to then was changed or removed.",
            checkedByAdmin.QuerySelector("#trail-check")!.TextContent.Trim());
        // The signatory list carries none.
        var (_, list) = await visitor.VerifyAsync(published.SignatoryListPdf!, "signatories.pdf");
        Assert.Null(list.QuerySelector("#audit-checkpoint"));
    }
}
