using WeProtect.Summit.Data.Audit;

namespace WeProtect.Summit.Data.Accreditations;

/// <summary>A letter of invitation is for an approved delegate only: every path that ends an approval (a rejection, a
/// cancellation) withdraws the registration's letter, issued or still in hand, inside the caller's transaction, which
/// saves it with the audit event. The delegate is not written to about it: the decision's own letter tells them the
/// registration ended.</summary>
public static class EndedRegistrationLetters
{
    public static async Task WithdrawAsync(SummitDbContext db, AuditTrail audit, int registrationId, string why, AuditActor actor,
        DateTime nowUtc, CancellationToken ct)
    {
        // The letter's row first (an update that changes nothing): a job issuing it at this moment commits before we
        // read it, or finds its claim gone after; read before the lock, its issue would be lost to a conflict.
        if (await db.VisaLetters.Where(v => v.RegistrationId == registrationId)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Attempts, v => v.Attempts), ct) == 0) return;
        var letter = await db.VisaLetters.SingleAsync(v => v.RegistrationId == registrationId, ct);
        if (!letter.WithdrawForEndedRegistration(nowUtc, out var withdrawal)) return;
        if (withdrawal is not null) db.VisaLetterWithdrawals.Add(withdrawal);
        audit.Record(actor, "visa-letter.withdrawn", letter, withdrawal is null
            ? $"Visa letter request {letter.Id} for registration {registrationId} withdrawn before it was issued: the registration was {why}"
            : $"Visa letter {letter.Id} for registration {registrationId} withdrawn: the registration was {why}");
    }
}
