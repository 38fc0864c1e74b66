using PdfSharp.Pdf;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Web.Audit;
using WeProtect.Summit.Web.Localization;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>The certificate of completion of one published statement: who endorsed what, when and how. Every
/// endorsement (withdrawn ones too, with their reasons) with organisation, printed name and position, time in UTC and
/// in the summit's zone, the text version and its SHA-256, how the signer proved who they were, the declaration, how a
/// withdrawal was confirmed, and the sequence numbers of its audit events; then the statement's and the communiqué's audit events, and the audit
/// checkpoint at publication. No e-mail or IP address. Rendered on request from the database and signed like the
/// communiqué.
///
/// An organiser downloads it for their own use: its words are in their language (<see cref="LanguageTexts.OfRequest"/>),
/// an Arabic report laid out right to left. The times stay as the audit trail writes them (2026-11-24 10:30:00, in UTC and
/// in the summit's zone), to the second and the same in every language, so that they can be compared with the trail; the
/// audit events' actions and summaries are the trail's own record, in English.</summary>
public static class EvidenceReport
{
    /// <summary>How every endorsement is made (EndorsementDesk.SignAsync): there is no other way to sign.</summary>
    public const string IdentityProof = "Signed in with password and two-step verification; this signature confirmed with a fresh, single-use authenticator code (TOTP).";

    /// <summary>How every withdrawal is made (EndorsementDesk.WithdrawAsync): the same proof as a signature.</summary>
    public const string WithdrawalProof = "Withdrawn by a signatory of the organisation signed in with password and two-step verification, confirmed with a fresh, single-use authenticator code (TOTP).";

    public static Task<byte[]?> RenderAsync(SummitDbContext db, AuditCheckpoints checkpoints, int statementId, CancellationToken ct) =>
        RenderAsync(db, checkpoints, statementId, null, new LanguageTexts(null), ct);

    /// <summary>The report of one published revision (the current one when <paramref name="revision"/> is null): the
    /// endorsements made and the audit events written up to its publication, the revisions up to it, its checkpoint.</summary>
    public static async Task<byte[]?> RenderAsync(SummitDbContext db, AuditCheckpoints checkpoints, int statementId, int? revision, LanguageTexts texts,
        CancellationToken ct)
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
            .Select(e => new { e.Id, e.Organisation.FormalName, e.PrintedName, e.PrintedPosition, e.SignedUtc, e.StatementVersionId, e.ContentHash, e.Declaration, e.WithdrawnUtc, e.WithdrawalReason, e.LeftAllianceOn, e.RecordedFrom })
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
        var title = texts.Format("Evidence report – {0}", statement.Title);
        document.Info.Title = title;
        document.Info.Creator = "WeProtect Summit";
        using var flow = PdfFlow.In(texts, document, title);
        var body = PdfFlow.Font(9.5);
        var bold = PdfFlow.Font(9.5, bold: true);
        var zone = statement.Summit.Zone;
        string Utc(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        string When(DateTime utc) => texts.Format("{0} UTC ({1} {2})", Utc(utc),
            Utc(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone)), zone.Id);
        void Line(string text, double indent = 0, double spaceAfter = 1) => flow.Paragraph(text, body, indent: indent, spaceAfter: spaceAfter);

        // The term as the organisers' page says it ("evidence report"), as a heading.
        var heading = texts["evidence report"];
        flow.Paragraph(char.ToUpper(heading[0], texts.Culture) + heading[1..], PdfFlow.Font(18, bold: true), spaceAfter: 4, tag: PdfTags.Heading(1));
        flow.Paragraph(statement.Title, PdfFlow.Font(12, bold: true), spaceAfter: 2);
        flow.Paragraph(statement.Summit.Name, body, colour: PdfFlow.Muted, spaceAfter: 6);
        flow.Rule();
        Line(texts.Format("Communiqué {0}, revision {1} of {2}, published {3}", communique.Id, communique.Revision, revisions.Count, When(published)));
        Line(texts.Format("Communiqué SHA-256: {0}", communique.Sha256 ?? ""));
        if (communique.SignatoryListSha256 is not null) Line(texts.Format("Signatory list SHA-256: {0}", communique.SignatoryListSha256));
        Line(texts.Format("Signing certificate thumbprint: {0}", communique.CertificateThumbprint ?? ""));
        Line(texts.Format("Signatories listed: {0}; endorsements made: {1}", communique.SignatoryCount, endorsements.Count), spaceAfter: 6);

        if (revisions.Count > 1)
        {
            flow.Heading(texts["Revisions"], PdfFlow.Font(12, bold: true), level: 2);
            foreach (var r in revisions.Where(r => r.Revision <= communique.Revision))
                Line(texts.Format("Revision {0}: published {1}, signatories: {2}, SHA-256 {3}", r.Revision, When(r.PublishedUtc), r.SignatoryCount, r.Sha256));
            Line(CommuniqueRevisions.SupersededUtc(revisions, communique.Revision) is { } superseded
                ? texts.Format("Revision {0} was superseded {1}.", communique.Revision, When(superseded))
                : texts.Format("Revision {0} is the current revision.", communique.Revision), spaceAfter: 6);
        }

        flow.Heading(texts["Endorsements"], PdfFlow.Font(12, bold: true), level: 2);
        foreach (var e in endorsements)
        {
            flow.Heading(e.FormalName, bold, level: 3, spaceBefore: 0, spaceAfter: 1, keepWithNextLines: 3);
            // An endorsement recorded as printed was not signed here: where it was read, and the day agreed, instead.
            if (e.RecordedFrom is { } source)
                Line(texts.Format("Recorded by the secretariat from the printed record ({0}); agreed on {1}", source, e.SignedUtc.Said("d MMMM yyyy", texts.Culture)), indent: 12);
            else
                Line(texts.Format("Signed by {0}, {1}, {2}", e.PrintedName, e.PrintedPosition, When(e.SignedUtc)), indent: 12);
            Line(texts.Format("Text: version {0}, SHA-256 {1}", versions.TryGetValue(e.StatementVersionId, out var n) ? n : 0, e.ContentHash), indent: 12);
            foreach (var shown in shownTexts[e.Id])
                Line(texts.Format("Text shown when signing: {0}, SHA-256 {1}", shown.Language, shown.ContentHash), indent: 12);
            if (e.RecordedFrom is null) Line(texts.Format("Identity: {0}", texts[IdentityProof]), indent: 12);
            if (e.Declaration is not null) Line(texts.Format("Declaration: {0}", e.Declaration), indent: 12);
            if (e.WithdrawnUtc is { } withdrawn)
            {
                Line(texts.Format("Withdrawn {0}: {1}", When(withdrawn), Signing.WithdrawalReasons.Said(e.WithdrawalReason, e.LeftAllianceOn, texts.Format, texts.Culture)), indent: 12);
                Line(texts.Format("Withdrawal: {0}", texts[WithdrawalProof]), indent: 12);
            }
            var own = events.Where(a => a.SubjectType == nameof(Data.Endorsements.Endorsement) && a.SubjectId == e.Id.ToString(CultureInfo.InvariantCulture))
                .Select(a => $"#{a.Sequence} {a.Action}").ToList();
            Line(own.Count == 0 ? texts["Audit events: none"] : texts.Format("Audit events: {0}", string.Join(", ", own)), indent: 12, spaceAfter: 5);
        }

        flow.Heading(texts["Statement and communiqué audit events"], PdfFlow.Font(12, bold: true), level: 2);
        foreach (var a in events.Where(a => a.SubjectType != nameof(Data.Endorsements.Endorsement)))
            Line($"#{a.Sequence} {Utc(a.OccurredUtc)} UTC {a.Action} ({a.ActorLabel()}): {a.Summary}", spaceAfter: 2);

        flow.Heading(texts["Audit checkpoint at publication"], PdfFlow.Font(12, bold: true), level: 2);
        Line(checkpoint is null
            ? texts["No checkpoint was written at publication."]
            : texts.Format("{0} rows, head hash {1}, written {2}, signed by the certificate {3}.", checkpoint.Rows, checkpoint.HeadHash, checkpoint.WrittenUtc,
                checkpoint.CertificateThumbprint()), spaceAfter: 2);
        return flow.Save();
    }
}
