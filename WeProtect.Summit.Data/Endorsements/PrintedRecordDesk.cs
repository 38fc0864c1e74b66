using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Data.Endorsements;

/// <summary>The endorsements of a statement of a summit recorded afterwards, entered by the secretariat from the
/// printed record ("Agreed by: Albania, Australia, …"). Each is an <see cref="Endorsement"/> bound to the final text's
/// hash like a signature, so the "Agreed by" list, the communiqué and the reporting cycles take it as they take a
/// signature, while every page and document says where it was read and that nobody signed it here. Taken while the
/// statement is final, before the record is closed; every change bumps the statement's concurrency token, so that
/// closing the record at the same moment cannot leave a row recorded after it.</summary>
public sealed class PrintedRecordDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock)
{
    public const int MaxNamesAtOnce = 300;

    /// <summary>Records that the organisations named in <paramref name="names"/> (as a printed list runs: see
    /// <see cref="PrintedList"/>; formal, sorting or listed names, any case) agreed to the statement on <paramref name="agreedOn"/>,
    /// as printed in <paramref name="source"/>. All or nothing: a name matching no organisation, or an organisation
    /// outside the text's audience, refuses the whole list with every such name; one already recorded is passed over.</summary>
    public async Task<DeskResult> RecordAsync(int statementId, string? names, DateOnly? agreedOn, string? source, Guid? expectedVersion, AuditActor actor,
        CancellationToken ct = default)
    {
        var statement = await db.Statements.Include(s => s.Summit).FirstOrDefaultAsync(s => s.Id == statementId, ct);
        if (statement is null) return DeskResult.NotFound("There is no such statement.");
        if (WhyNotRecorded(statement) is { } closed) return DeskResult.Refused(closed);
        if (expectedVersion != statement.Version) return DeskResult.Conflict("this statement");

        var errors = new List<(string Field, DeskText Message)>();
        // The whole register, matched here: a name as printed may be formal, sorting or listed ("UAE"), in any case.
        var register = (await db.Organisations.AsNoTracking().ToListAsync(ct))
            .SelectMany(o => new[] { o.FormalName, o.SortName, o.ListedName }.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Select(n => (Name: n, Organisation: o)))
            .ToLookup(x => x.Name, x => x.Organisation, StringComparer.OrdinalIgnoreCase);
        var wanted = PrintedList.Names(names, register.Contains);
        if (wanted.Count == 0) errors.Add(("Names", "Give the names of the organisations, as printed: one per line or separated by commas."));
        if (wanted.Count > MaxNamesAtOnce) errors.Add(("Names", $"Record at most {MaxNamesAtOnce} organisations at once."));
        // Printed beneath the list in every document, as a name is: the same rule for its characters.
        source = Validation.NameRule.Tidy(source);
        if (source.Length == 0) errors.Add(("Source", "Say where the list is printed, e.g. the summit's communiqué and its date."));
        else if (Validation.NameRule.Problem(source, "The source", Endorsement.SourceMaxLength) is { } badSource) errors.Add(("Source", badSource));
        var today = DateOnly.FromDateTime(statement.Summit.ToLocal(clock.GetUtcNow().UtcDateTime));
        if (agreedOn is not { } day) errors.Add(("AgreedOn", "Give the day the organisations agreed to the statement."));
        else if (day < statement.Summit.StartDate || day > today) errors.Add(("AgreedOn", "The day agreed falls between the summit's first day and today."));
        if (errors.Count > 0) return DeskResult.Invalid(errors);

        var unknown = wanted.Where(n => !register.Contains(n)).ToList();
        if (unknown.Count > 0)
            return DeskResult.Invalid([("Names", $"No organisation is called {string.Join("; ", unknown)}: add it under Organisations first, or write its name as the register has it. Nothing was recorded.")]);
        var ambiguous = wanted.Where(n => register[n].DistinctBy(o => o.Id).Count() > 1).ToList();
        if (ambiguous.Count > 0)
            return DeskResult.Invalid([("Names", $"More than one organisation is called {string.Join("; ", ambiguous)}: write its formal name. Nothing was recorded.")]);
        var organisations = wanted.Select(n => register[n].First()).DistinctBy(o => o.Id).ToList();
        var final = await db.StatementVersions.AsNoTracking().SingleAsync(v => v.Id == statement.FinalVersionId, ct);
        var audiences = EndorsementDesk.AudiencesOf(final);
        var outside = organisations.Where(o => !Statement.SpeaksTo(audiences, o.Sector)).Select(o => o.FormalName).ToList();
        if (outside.Count > 0)
            return DeskResult.Invalid([("Names", $"The text does not speak to {string.Join("; ", outside)}: its sector has no section in it. Nothing was recorded.")]);

        var ids = organisations.Select(o => o.Id).ToList();
        var already = await db.Endorsements.Where(e => e.StatementId == statementId && e.WithdrawnUtc == null && ids.Contains(e.OrganisationId))
            .Select(e => e.OrganisationId).ToListAsync(ct);
        var (agreedUtc, _) = Summits.SummitClock.ToUtc(agreedOn!.Value.ToDateTime(new TimeOnly(12, 0)), statement.Summit.Zone);
        var added = 0;
        foreach (var organisation in organisations.Where(o => !already.Contains(o.Id)).OrderBy(o => o.SortName))
        {
            var endorsement = new Endorsement
            {
                StatementId = statementId, OrganisationId = organisation.Id, StatementVersionId = final.Id, ContentHash = final.ContentHash,
                SignerUserId = actor.UserId ?? "", SignedUtc = agreedUtc, RecordedFrom = source,
            };
            db.Endorsements.Add(endorsement);
            audit.Record(actor, "endorsement.recorded", endorsement,
                $"Endorsement of statement {statementId} (version {final.Id}, {final.ContentHash}) for organisation {organisation.Id} recorded as printed: agreed on {agreedOn:yyyy-MM-dd}, from \"{source}\"");
            added++;
        }
        if (added == 0) return DeskResult.Done("Every organisation named is already recorded: nothing changed.");
        if (await SaveAsync(statement, ct) is { } conflict) return conflict;
        var passedOver = already.Count;
        return passedOver == 0
            ? DeskResult.Done($"Endorsements recorded as printed: {added}.")
            : DeskResult.Done($"Endorsements recorded as printed: {added}; already recorded and passed over: {passedOver}.");
    }

    /// <summary>Takes back an endorsement recorded in error, while the record is still open: the row goes (nothing was
    /// published from it yet); the audit event keeps what it said.</summary>
    public async Task<DeskResult> RemoveAsync(int statementId, int endorsementId, Guid? expectedVersion, AuditActor actor, CancellationToken ct = default)
    {
        var statement = await db.Statements.FirstOrDefaultAsync(s => s.Id == statementId, ct);
        var endorsement = await db.Endorsements.Include(e => e.Organisation)
            .FirstOrDefaultAsync(e => e.Id == endorsementId && e.StatementId == statementId && e.RecordedFrom != null, ct);
        if (statement is null || endorsement is null) return DeskResult.NotFound("There is no such recorded endorsement.");
        if (WhyNotRecorded(statement) is { } closed) return DeskResult.Refused(closed);
        if (expectedVersion != statement.Version) return DeskResult.Conflict("this statement");
        db.Endorsements.Remove(endorsement);
        audit.Record(actor, "endorsement.record-removed", endorsement,
            $"Recorded endorsement {endorsement.Id} of statement {statementId} for organisation {endorsement.OrganisationId} removed (it said: from \"{endorsement.RecordedFrom}\", agreed {endorsement.SignedUtc:yyyy-MM-dd})");
        if (await SaveAsync(statement, ct) is { } conflict) return conflict;
        return DeskResult.Done($"{endorsement.Organisation.FormalName} is no longer recorded as endorsing the statement.");
    }

    /// <summary>Why the statement's endorsements cannot be recorded or taken back now; null when they can.</summary>
    public static DeskText? WhyNotRecorded(Statement statement)
    {
        if (!statement.RecordedAfterwards) return "This statement is signed here: only a statement of a summit recorded afterwards has its endorsements recorded as printed.";
        if (statement.Status != StatementStatus.Final)
            return $"{DeskWords.StatementIs(statement.Status)}: endorsements are recorded while the text is final, before the record is closed.";
        return null;
    }

    /// <summary>Saves with the statement's token bumped: of a record and a close at the same moment, one goes in.</summary>
    private async Task<DeskResult?> SaveAsync(Statement statement, CancellationToken ct)
    {
        db.Entry(statement).Property(s => s.Version).OriginalValue = statement.Version;
        statement.Version = Guid.NewGuid();
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // The token, or the filtered unique index (one live endorsement per organisation): someone else came first.
            db.ChangeTracker.Clear();
            return DeskResult.Conflict("this statement");
        }
        return null;
    }
}
