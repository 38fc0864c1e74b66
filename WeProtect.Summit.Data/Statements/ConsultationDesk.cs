using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Data.Statements;

/// <summary>What participants of a consultation post: comments (on the version they read) and amendments (only on
/// the latest text, and only wording that fits the anchor). Who may post, and when, is the caller's to check first
/// (<see cref="ConsultationRoster"/>, the statement's status).</summary>
public sealed class ConsultationDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Saves a comment on <paramref name="anchor"/> of version <paramref name="shown"/>. Not audited: a
    /// comment decides nothing.</summary>
    public async Task<DeskResult<StatementComment>> CommentAsync(StatementVersion shown, StatementVersion latest, ConsultationRoster.Participant participant,
        string anchor, string text, AuditActor actor, CancellationToken ct = default)
    {
        var comment = new StatementComment
        {
            StatementId = shown.StatementId, StatementVersionId = shown.Id, Anchor = anchor, Text = text.Replace("\r\n", "\n").Trim(),
            AuthorUserId = actor.UserId!, AuthorName = actor.Name, OrganisationId = participant.OrganisationId,
            OrganisationName = participant.OrganisationName, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.StatementComments.Add(comment);
        await db.SaveChangesAsync(ct);
        return (shown.Id == latest.Id
            ? DeskResult.Done($"Your comment on {comment.Anchor} is saved.")
            : DeskResult.Done($"Your comment on {comment.Anchor} is saved on version {shown.Number}, the text you read; the current text is version {latest.Number}.")).With(comment);
    }

    /// <summary>Proposes <paramref name="wording"/> for <paramref name="anchor"/> of the latest text; refused when the
    /// text changed since it was read, or (field <c>Wording</c>) when the wording does not fit the anchor.</summary>
    public async Task<DeskResult<Amendment>> ProposeAmendmentAsync(Statement statement, StatementVersion shown, StatementVersion latest,
        ConsultationRoster.Participant participant, string anchor, string wording, string? explanation, AuditActor actor, CancellationToken ct = default)
    {
        if (shown.Id != latest.Id)
            return DeskResult.Refused($"The text has changed since you read it: it is now version {latest.Number}. " +
                $"Read the current text and propose your wording on it. Nothing was saved.").With<Amendment>();
        var outcome = StatementAmender.Apply(shown.Text, anchor, wording);
        if (!outcome.Succeeded) return DeskResult.Invalid([(nameof(Amendment.ProposedWording), outcome.Refusal!)], outcome.Refusal!).With<Amendment>();

        var amendment = new Amendment
        {
            StatementId = statement.Id, StatementVersionId = shown.Id, Anchor = anchor,
            ProposedWording = StatementText.Canonicalise(wording).Trim(),
            Explanation = string.IsNullOrWhiteSpace(explanation) ? null : explanation.Replace("\r\n", "\n").Trim(),
            ProposerUserId = actor.UserId!, ProposerName = actor.Name, OrganisationId = participant.OrganisationId,
            OrganisationName = participant.OrganisationName, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Amendments.Add(amendment);
        audit.Record(actor, "amendment.proposed", amendment, $"Amendment proposed on {amendment.Anchor} of statement \"{statement.Title}\" version {shown.Number}");
        await audit.SaveChangesAsync(ct);
        return DeskResult.Done($"Your amendment #{amendment.Id} to {amendment.Anchor} is proposed. The organisers will accept or reject it, and you will be told by e-mail.")
            .With(amendment);
    }
}
