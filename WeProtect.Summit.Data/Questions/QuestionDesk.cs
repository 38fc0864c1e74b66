using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Data.Questions;

/// <summary>The organisers' questions of a summit: add, change, reorder, remove (a question with answers is retired
/// instead, its answers kept) and restore. Audit events name the question by id; its wording is the organisers',
/// but answers never enter the trail.</summary>
public sealed class QuestionDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The questions a form asks now (not retired), in their order.</summary>
    public static Task<List<RegistrationQuestion>> AskedAsync(SummitDbContext db, int summitId, QuestionForm form, CancellationToken ct = default) =>
        db.RegistrationQuestions.AsNoTracking().Where(q => q.SummitId == summitId && q.Form == form && q.RetiredUtc == null)
            .OrderBy(q => q.Position).ThenBy(q => q.Id).ToListAsync(ct);

    /// <summary>Every question of the summit, retired ones included (they still label answers), forms in order.</summary>
    public static Task<List<RegistrationQuestion>> AllAsync(SummitDbContext db, int summitId, CancellationToken ct = default) =>
        db.RegistrationQuestions.AsNoTracking().Where(q => q.SummitId == summitId)
            .OrderBy(q => q.Form == QuestionForm.Registration ? 0 : 1).ThenBy(q => q.Position).ThenBy(q => q.Id).ToListAsync(ct);

    public async Task<DeskResult<RegistrationQuestion>> AddAsync(int summitId, QuestionDraft draft, AuditActor actor, CancellationToken ct = default)
    {
        if (!await db.Summits.AnyAsync(s => s.Id == summitId, ct)) return DeskResult.NotFound("There is no such summit.").With<RegistrationQuestion>();
        var last = await db.RegistrationQuestions.Where(q => q.SummitId == summitId && q.Form == draft.Form).MaxAsync(q => (int?)q.Position, ct) ?? 0;
        var (question, errors) = RegistrationQuestion.Create(summitId, draft, last + 1, Now);
        if (question is null) return DeskResult.Invalid(errors).With<RegistrationQuestion>();
        db.RegistrationQuestions.Add(question);
        audit.Record(actor, "question.added", question, $"Question added to summit {summitId} ({draft.Form}, {draft.Kind})");
        await audit.SaveChangesAsync(ct);
        return DeskResult.Done("The question is added.").With(question);
    }

    /// <summary>Changes the question as it was when the organiser opened it (<paramref name="version"/>): a change made
    /// meanwhile by someone else is a conflict, never overwritten.</summary>
    public async Task<DeskResult> EditAsync(int summitId, int questionId, Guid version, QuestionDraft draft, AuditActor actor, CancellationToken ct = default)
    {
        var question = await db.RegistrationQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.SummitId == summitId, ct);
        if (question is null) return DeskResult.NotFound("There is no such question.");
        if (question.Version != version) return DeskResult.Conflict("this question");
        // The update checks the version read here (the concurrency token), so a save between this read and ours is caught too.
        db.Entry(question).Property(q => q.Version).OriginalValue = version;
        var answered = await db.RegistrationAnswers.AnyAsync(a => a.QuestionId == questionId, ct);
        var errors = question.Edit(draft, answered);
        if (errors.Count > 0) return DeskResult.Invalid(errors);
        audit.Record(actor, "question.changed", question, $"Question {question.Id} changed");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DeskResult.Conflict("this question");
        }
        return DeskResult.Done("The question is saved.");
    }

    /// <summary>Swaps the question with its neighbour above (<paramref name="up"/>) or below on its form.</summary>
    public async Task<DeskResult> MoveAsync(int summitId, int questionId, bool up, AuditActor actor, CancellationToken ct = default)
    {
        var question = await db.RegistrationQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.SummitId == summitId, ct);
        if (question is null) return DeskResult.NotFound("There is no such question.");
        var siblings = await db.RegistrationQuestions.Where(q => q.SummitId == summitId && q.Form == question.Form)
            .OrderBy(q => q.Position).ThenBy(q => q.Id).ToListAsync(ct);
        var index = siblings.IndexOf(question);
        var other = index + (up ? -1 : 1);
        if (other < 0 || other >= siblings.Count) return DeskResult.Done(up ? "The question is already first." : "The question is already last.");
        (siblings[index], siblings[other]) = (siblings[other], siblings[index]);
        // Positions 1..n afresh: equal or gapped positions from earlier removals straighten out.
        for (var i = 0; i < siblings.Count; i++) siblings[i].MoveTo(i + 1);
        audit.Record(actor, "question.moved", question, $"Question {question.Id} moved {(up ? "up" : "down")}");
        await audit.SaveChangesAsync(ct);
        return DeskResult.Done(up ? "The question moved up." : "The question moved down.");
    }

    /// <summary>Deletes a question nobody has answered; one with answers is retired (no longer asked, answers kept).</summary>
    public async Task<DeskResult> RemoveAsync(int summitId, int questionId, AuditActor actor, CancellationToken ct = default)
    {
        var question = await db.RegistrationQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.SummitId == summitId, ct);
        if (question is null) return DeskResult.NotFound("There is no such question.");
        if (await db.RegistrationAnswers.AnyAsync(a => a.QuestionId == questionId, ct))
        {
            if (question.IsRetired) return DeskResult.Done("The question is already retired.");
            question.Retire(Now);
            audit.Record(actor, "question.retired", question, $"Question {question.Id} retired");
            await audit.SaveChangesAsync(ct);
            return DeskResult.Done("The question has answers, so it is retired: it is no longer asked and its answers are kept.");
        }
        db.RegistrationQuestions.Remove(question);
        audit.Record(actor, "question.deleted", question, $"Question {question.Id} deleted (no answers)");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Answered between the check and the delete: the foreign key keeps the answer; nothing was removed.
            db.ChangeTracker.Clear();
            return DeskResult.Conflict("this question");
        }
        return DeskResult.Done("The question is deleted.");
    }

    public async Task<DeskResult> RestoreAsync(int summitId, int questionId, AuditActor actor, CancellationToken ct = default)
    {
        var question = await db.RegistrationQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.SummitId == summitId, ct);
        if (question is null) return DeskResult.NotFound("There is no such question.");
        if (!question.IsRetired) return DeskResult.Done("The question is asked already.");
        question.Restore();
        audit.Record(actor, "question.restored", question, $"Question {question.Id} asked again");
        await audit.SaveChangesAsync(ct);
        return DeskResult.Done("The question is asked again.");
    }
}
