using PdfSharp.Pdf;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Web.Audit;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>The certificate of completion of one published statement: who endorsed what, when and how. Every
/// endorsement (withdrawn ones too, with their reasons) with organisation, printed name and position, time in UTC and
/// in the summit's zone, the text version and its SHA-256, how the signer proved who they were, the declaration, how a
/// withdrawal was confirmed, and the sequence numbers of its audit events; then the statement's and the communiqué's audit events, and the audit
/// checkpoint at publication. No e-mail or IP address. Rendered on request from the database and signed like the
/// communiqué.</summary>
public static class EvidenceReport
{
    /// <summary>How every endorsement is made (EndorsementDesk.SignAsync): there is no other way to sign.</summary>
    public const string IdentityProof = "Signed in with password and two-step verification; this signature confirmed with a fresh, single-use authenticator code (TOTP).";

    /// <summary>How every withdrawal is made (EndorsementDesk.WithdrawAsync): the same proof as a signature.</summary>
    public const string WithdrawalProof = "Withdrawn by a signatory of the organisation signed in with password and two-step verification, confirmed with a fresh, single-use authenticator code (TOTP).";

    public static Task<byte[]?> RenderAsync(SummitDbContext db, AuditCheckpoints checkpoints, int statementId, CancellationToken ct) =>
        RenderAsync(db, checkpoints, statementId, null, ct);

    /// <summary>The report of one published revision (the current one when <paramref name="revision"/> is null): the
    /// endorsements made and the audit events written up to its publication, the revisions up to it, its checkpoint.</summary>
    public static async Task<byte[]?> RenderAsync(SummitDbContext db, AuditCheckpoints checkpoints, int statementId, int? revision, CancellationToken ct)
    {
        var revisions = await CommuniqueRevisions.PublishedAsync(db, statementId, ct);
        var chosen = revision is { } asked ? revisions.FirstOrDefault(r => r.Revision == asked) : revisions.LastOrDefault();
        if (chosen is null) return null;
        var communique = await db.Communiques.AsNoTracking().Where(c => c.Id == chosen.Id)
            .Select(c => new { c.Id, c.PublishedUtc, c.Sha256, c.CertificateThumbprint, c.SignatoryCount, c.Revision, c.SignatoryListSha256 }).SingleAsync(ct);
        // Everything up to this revision's publication (its audit event comes a moment after the list was read).
        var until = chosen.ListAsOfUtc ?? chosen.PublishedUtc;
        var publishedEvent = await db.AuditEvents.AsNoTracking()
            .Where(e => e.SubjectType == nameof(Communique) && e.SubjectId == chosen.Id.ToString(CultureInfo.InvariantCulture) && e.Action == "communique.published")
            .Select(e => (long?)e.Sequence).FirstOrDefaultAsync(ct) ?? long.MaxValue;
        var statement = await db.Statements.AsNoTracking().Include(s => s.Summit).SingleAsync(s => s.Id == statementId, ct);
        var versions = await db.StatementVersions.AsNoTracking().Where(v => v.StatementId == statementId).ToDictionaryAsync(v => v.Id, v => v.Number, ct);
        var endorsements = await db.Endorsements.AsNoTracking().Where(e => e.StatementId == statementId && e.SignedUtc <= until)
            .OrderBy(e => e.SignedUtc).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.Organisation.FormalName, e.PrintedName, e.PrintedPosition, e.SignedUtc, e.StatementVersionId, e.ContentHash, e.Declaration, e.WithdrawnUtc, e.WithdrawalReason })
            .ToListAsync(ct);
        var endorsementIds = endorsements.Select(e => e.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var ids = endorsements.Select(e => e.Id).ToList();
        var shownTexts = (await db.EndorsementShownTexts.AsNoTracking().Where(t => ids.Contains(t.EndorsementId)).OrderBy(t => t.Id).ToListAsync(ct))
            .ToLookup(t => t.EndorsementId);
        var revisionIds = await db.Communiques.AsNoTracking().Where(c => c.StatementId == statementId && c.Revision <= chosen.Revision)
            .Select(c => c.Id).ToListAsync(ct);
        var revisionKeys = revisionIds.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => (e.SubjectType == nameof(Data.Endorsements.Endorsement) && endorsementIds.Contains(e.SubjectId))
                || (e.SubjectType == nameof(Data.Statements.Statement) && e.SubjectId == statementId.ToString(CultureInfo.InvariantCulture))
                || (e.SubjectType == nameof(Communique) && revisionKeys.Contains(e.SubjectId)))
            .Where(e => e.Sequence <= publishedEvent)
            .OrderBy(e => e.Sequence).ToListAsync(ct);
        var published = communique.PublishedUtc ?? DateTime.MinValue;
        var checkpoint = checkpoints.All().FirstOrDefault(c => c.Reason == $"communique {communique.Id} published");

        SummitFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = $"Evidence report – {statement.Title}";
        document.Info.Creator = "WeProtect Summit";
        using var flow = new PdfFlow(document, $"Evidence report – {statement.Title}");
        var body = PdfFlow.Font(9.5);
        var bold = PdfFlow.Font(9.5, bold: true);
        var zone = statement.Summit.Zone;
        string When(DateTime utc) => $"{utc:yyyy-MM-dd HH:mm:ss} UTC ({TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone):yyyy-MM-dd HH:mm:ss} {zone.Id})";

        flow.Paragraph("Evidence report", PdfFlow.Font(18, bold: true), spaceAfter: 4, tag: PdfTags.Heading(1));
        flow.Paragraph(statement.Title, PdfFlow.Font(12, bold: true), spaceAfter: 2);
        flow.Paragraph(statement.Summit.Name, body, colour: PdfFlow.Muted, spaceAfter: 6);
        flow.Rule();
        flow.Paragraph($"Communiqué {communique.Id}, revision {communique.Revision} of {revisions.Count}, published {When(published)}", body, spaceAfter: 1);
        flow.Paragraph($"Communiqué SHA-256: {communique.Sha256}", body, spaceAfter: 1);
        if (communique.SignatoryListSha256 is not null) flow.Paragraph($"Signatory list SHA-256: {communique.SignatoryListSha256}", body, spaceAfter: 1);
        flow.Paragraph($"Signing certificate thumbprint: {communique.CertificateThumbprint}", body, spaceAfter: 1);
        flow.Paragraph($"Signatories listed: {communique.SignatoryCount}; endorsements made: {endorsements.Count}", body, spaceAfter: 6);

        if (revisions.Count > 1)
        {
            flow.Heading("Revisions", PdfFlow.Font(12, bold: true), level: 2);
            foreach (var r in revisions.Where(r => r.Revision <= communique.Revision))
                flow.Paragraph($"Revision {r.Revision}: published {When(r.PublishedUtc)}, {r.SignatoryCount} signatories, SHA-256 {r.Sha256}", body, spaceAfter: 1);
            flow.Paragraph(CommuniqueRevisions.SupersededUtc(revisions, communique.Revision) is { } superseded
                ? $"Revision {communique.Revision} was superseded {When(superseded)}." : $"Revision {communique.Revision} is the current revision.", body, spaceAfter: 6);
        }

        flow.Heading("Endorsements", PdfFlow.Font(12, bold: true), level: 2);
        foreach (var e in endorsements)
        {
            flow.Heading(e.FormalName, bold, level: 3, spaceBefore: 0, spaceAfter: 1, keepWithNextLines: 3);
            flow.Paragraph($"Signed by {e.PrintedName}, {e.PrintedPosition}, {When(e.SignedUtc)}", body, indent: 12, spaceAfter: 1);
            flow.Paragraph($"Text: version {(versions.TryGetValue(e.StatementVersionId, out var n) ? n : 0)}, SHA-256 {e.ContentHash}", body, indent: 12, spaceAfter: 1);
            foreach (var shown in shownTexts[e.Id])
                flow.Paragraph($"Text shown when signing: {shown.Language}, SHA-256 {shown.ContentHash}", body, indent: 12, spaceAfter: 1);
            flow.Paragraph($"Identity: {IdentityProof}", body, indent: 12, spaceAfter: 1);
            if (e.Declaration is not null) flow.Paragraph($"Declaration: {e.Declaration}", body, indent: 12, spaceAfter: 1);
            if (e.WithdrawnUtc is { } withdrawn)
            {
                flow.Paragraph($"Withdrawn {When(withdrawn)}: {e.WithdrawalReason}", body, indent: 12, spaceAfter: 1);
                flow.Paragraph($"Withdrawal: {WithdrawalProof}", body, indent: 12, spaceAfter: 1);
            }
            var own = events.Where(a => a.SubjectType == nameof(Data.Endorsements.Endorsement) && a.SubjectId == e.Id.ToString(CultureInfo.InvariantCulture))
                .Select(a => $"#{a.Sequence} {a.Action}").ToList();
            flow.Paragraph($"Audit events: {(own.Count == 0 ? "none" : string.Join(", ", own))}", body, indent: 12, spaceAfter: 5);
        }

        flow.Heading("Statement and communiqué audit events", PdfFlow.Font(12, bold: true), level: 2);
        foreach (var a in events.Where(a => a.SubjectType != nameof(Data.Endorsements.Endorsement)))
            flow.Paragraph($"#{a.Sequence} {a.OccurredUtc:yyyy-MM-dd HH:mm:ss} UTC {a.Action} ({a.ActorLabel()}): {a.Summary}", body, spaceAfter: 2);

        flow.Heading("Audit checkpoint at publication", PdfFlow.Font(12, bold: true), level: 2);
        flow.Paragraph(checkpoint is null
            ? "No checkpoint was written at publication."
            : $"{checkpoint.Rows} rows, head hash {checkpoint.HeadHash}, written {checkpoint.WrittenUtc}, signed by the certificate {checkpoint.CertificateThumbprint()}.",
            body, spaceAfter: 2);
        return flow.Save();
    }
}
