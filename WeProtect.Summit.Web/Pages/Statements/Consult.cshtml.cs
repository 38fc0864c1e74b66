using WeProtect.Summit.Web.Localization;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Statements;

namespace WeProtect.Summit.Web.Pages.Statements;

using WeProtect.Summit.Data.Summits;

/// <summary>Consultation on a statement: the text of a version with, per anchor, the comments and amendments made on
/// that version. Consulted members (<see cref="ConsultationRoster"/>) comment or propose wording while the statement
/// is under consultation; organisers see everything. Nobody else sees it, and a draft is never shown to members.
/// A comment goes to the version the member read (hidden field), even if a newer one appeared meanwhile: it stays
/// with the text it is about. An amendment must be made on the latest version, since its wording replaces that text.</summary>
public class ConsultModel(SummitDbContext db, ConsultationDesk desk, ConsultationRoster roster, TimeProvider clock) : PageModel
{
    public sealed class CommentInput
    {
        public int? VersionNumber { get; set; }
        [Required(ErrorMessage = "Choose the part of the text your comment is about.")] public string? Anchor { get; set; }
        [Required(ErrorMessage = "Write your comment."), StringLength(StatementComment.TextMaxLength), Display(Name = "Your comment")] public string? Text { get; set; }
    }

    public sealed class AmendmentInput
    {
        public int? VersionNumber { get; set; }
        [Required(ErrorMessage = "Choose the part of the text your wording replaces.")] public string? Anchor { get; set; }
        [Required(ErrorMessage = "Write the new wording."), StringLength(Amendment.WordingMaxLength), Display(Name = "New wording")] public string? Wording { get; set; }
        [StringLength(Amendment.ReasonMaxLength), Display(Name = "Explanation")] public string? Explanation { get; set; }
    }

    // Bound by each handler with its own prefix only (a [BindProperty] pair would validate both forms on every post).
    public CommentInput Comment { get; set; } = new();
    public AmendmentInput Proposal { get; set; } = new();

    public Statement Statement { get; private set; } = null!;
    public Summit Summit { get; private set; } = null!;
    public StatementVersion Shown { get; private set; } = null!;
    public StatementVersion Latest { get; private set; } = null!;
    public StatementDocument Document { get; private set; } = null!;
    public IReadOnlyList<string> Anchors { get; private set; } = [];
    public IReadOnlyList<StatementComment> Comments { get; private set; } = [];
    public IReadOnlyList<Amendment> Amendments { get; private set; } = [];
    public StatementMargin Margin { get; private set; } = null!;
    public bool IsOrganiser { get; private set; }
    public ConsultationRoster.Participant? Participant { get; private set; }
    public string? SelectedAnchor { get; private set; }

    /// <summary>Forms are offered to consulted members while the statement is under consultation, on the latest text.</summary>
    public bool MayPost => Participant is not null && Open;

    /// <summary>Under consultation and before its closing time, if one is set (<see cref="Statement.TakesConsultationAt"/>).</summary>
    public bool Open => Statement.TakesConsultationAt(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(int statementId, int? version, string? anchor, CancellationToken ct)
    {
        if (await LoadAsync(statementId, version, ct) is { } denied) return denied;
        SelectedAnchor = anchor is not null && Anchors.Contains(anchor) ? anchor : null;
        Comment = new CommentInput { VersionNumber = Shown.Number, Anchor = SelectedAnchor };
        Proposal = new AmendmentInput { VersionNumber = Shown.Number, Anchor = SelectedAnchor };
        return Page();
    }

    public async Task<IActionResult> OnPostCommentAsync(int statementId, CancellationToken ct)
    {
        await TryUpdateModelAsync(Comment, nameof(Comment));
        if (await LoadAsync(statementId, Comment.VersionNumber, ct) is { } denied) return denied;
        if (!CheckMayPost(Comment.VersionNumber, Comment.Anchor, nameof(Comment))) return Page();

        var result = await desk.CommentAsync(Shown, Latest, Participant!, Comment.Anchor!, Comment.Text!, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result,
            () => RedirectToPage(new { statementId, version = Shown.Id == Latest.Id ? (int?)null : Shown.Number, anchor = result.Value!.Anchor }),
            () => Task.FromResult<IActionResult>(Page()));
    }

    public async Task<IActionResult> OnPostAmendAsync(int statementId, CancellationToken ct)
    {
        await TryUpdateModelAsync(Proposal, nameof(Proposal));
        if (await LoadAsync(statementId, Proposal.VersionNumber, ct) is { } denied) return denied;
        if (!CheckMayPost(Proposal.VersionNumber, Proposal.Anchor, nameof(Proposal))) return Page();
        var result = await desk.ProposeAmendmentAsync(Statement, Shown, Latest, Participant!, Proposal.Anchor!, Proposal.Wording!, Proposal.Explanation,
            User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { statementId, anchor = result.Value!.Anchor }),
            () => Task.FromResult<IActionResult>(Page()), field => $"{nameof(Proposal)}.{nameof(AmendmentInput.Wording)}");
    }

    /// <summary>The rules every post shares; errors go into ModelState under <paramref name="prefix"/>.</summary>
    private bool CheckMayPost(int? versionNumber, string? anchor, string prefix)
    {
        if (Participant is null)
            ModelState.AddModelError(string.Empty, Localization.Translations.OrKey(HttpContext, "Only the summit's approved delegates and organisation signatories take part in the consultation."));
        else if (Statement.Status != StatementStatus.Consultation)
            ModelState.AddModelError(string.Empty, Localization.Translations.OrKey(HttpContext, "The statement is {0}, not under consultation: nothing was saved.",
                Localization.Translations.OrKey(HttpContext, Data.Vocabulary.Words.Name(Statement.Status)).ToLower(CultureInfo.CurrentCulture)));
        else if (!Open)
            ModelState.AddModelError(string.Empty, Localization.Translations.OrKey(HttpContext, "The consultation closed on {0}: nothing was saved.",
                Web.Signing.SigningView.InZone(Summit, Statement.ConsultationClosesUtc ?? default)));
        else if (versionNumber != Shown.Number)
            ModelState.AddModelError(string.Empty, Localization.Translations.OrKey(HttpContext, "That version of the text does not exist. Nothing was saved."));
        else if (!string.IsNullOrEmpty(anchor) && !Anchors.Contains(anchor))
            ModelState.AddModelError($"{prefix}.Anchor", Localization.Translations.OrKey(HttpContext, "“{0}” is not a part of version {1}. Choose one from the list.", anchor, Shown.Number));
        SelectedAnchor = anchor is not null && Anchors.Contains(anchor) ? anchor : null;
        return ModelState.IsValid;
    }

    /// <summary>Loads the statement and the version shown; null when the user may see it, otherwise the answer.</summary>
    private async Task<IActionResult?> LoadAsync(int statementId, int? versionNumber, CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().Include(s => s.Summit).Include(s => s.Versions)
            .FirstOrDefaultAsync(s => s.Id == statementId, ct);
        if (statement?.Latest is null) return NotFound();
        (Statement, Summit, Latest) = (statement, statement.Summit, statement.Latest);
        IsOrganiser = User.IsInRole(Roles.Organiser) || User.IsInRole(Roles.Admin);
        Participant = await roster.ParticipantAsync(statement.SummitId, User.ToAuditActor().UserId, ct);
        // Members never see a draft, not even that one exists.
        if (!IsOrganiser && statement.Status == StatementStatus.Draft) return NotFound();
        if (!IsOrganiser && Participant is null) return Forbid();

        var shown = versionNumber is null ? Latest : statement.Versions.FirstOrDefault(v => v.Number == versionNumber);
        // A version number that does not exist shows the latest text (the post is refused by CheckMayPost).
        Shown = shown ?? Latest;
        if (shown is null && Request.Method == "GET") return NotFound();
        Document = StatementParser.Parse(Shown.Text).Document!;
        Anchors = Document.Anchors().ToList();
        Comments = await db.StatementComments.AsNoTracking().Where(c => c.StatementVersionId == Shown.Id).OrderBy(c => c.Id).ToListAsync(ct);
        Amendments = await db.Amendments.AsNoTracking().Where(a => a.StatementVersionId == Shown.Id).OrderBy(a => a.Id).ToListAsync(ct);
        var counts = Anchors.ToDictionary(a => a, a => (Comments.Count(c => c.Anchor == a), Amendments.Count(x => x.Anchor == a)));
        var versionQuery = Shown.Id == Latest.Id ? "" : $"version={Shown.Number}&";
        Margin = new StatementMargin(counts, a => $"/Statements/{statementId}/consult?{versionQuery}anchor={Uri.EscapeDataString(a)}#discuss-{a}");
        return null;
    }

    /// <summary>An amendment's wording against the words at its anchor in the version shown, word by word.</summary>
    public IReadOnlyList<WordDiff.Segment> ChangeOf(Amendment amendment)
    {
        partsShown ??= Document.Parts().ToDictionary(p => p.Anchor, p => p.Text);
        return WordDiff.Diff(partsShown.GetValueOrDefault(amendment.Anchor) ?? "", amendment.ProposedWording);
    }

    private Dictionary<string, string>? partsShown;

    public string When(DateTime utc) => $"{Summit.ToLocal(utc).Said("d MMM yyyy, HH:mm")} ({Summit.TimeZoneId})";

    /// <summary>"Government 1(b) — Share what works, with data…": a part's name with the start of its words, for the lists.</summary>
    public string Label(string anchor, IStringLocalizer l)
    {
        partsShown ??= Document.Parts().ToDictionary(p => p.Anchor, p => p.Text);
        var raw = Document.Sections.FirstOrDefault(x => x.Anchor == anchor)?.Heading ?? partsShown.GetValueOrDefault(anchor) ?? "";
        // The words as read, without the grammar's inline Markdown (no "**" before "Recognise").
        var words = string.Join(" ", Pdf.PdfInline.Plain(raw).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var name = Name(anchor, l);
        return words.Length == 0 ? name : words.Length > 60 ? $"{name} — {words[..60]}…" : $"{name} — {words}";
    }

    /// <summary>A part's name as readers say it ("Private sector 3(b)"), never its anchor.</summary>
    public string Name(string anchor, IStringLocalizer l) =>
        (partNames ??= StatementPartNames.Of(Document, l)).GetValueOrDefault(anchor) ?? anchor;

    private IReadOnlyDictionary<string, string>? partNames;
}
