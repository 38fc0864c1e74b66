using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Data.Organisations;

/// <summary>The directory of organisations as organisers change it: add one, edit one from the version the organiser
/// started with, import many from a checked file. A formal name is unique (an index, not only the check made here);
/// each change is saved with its audit event. An organisation added as a member has its joining recorded in the
/// membership register (<see cref="MembershipDesk"/>) in the same save: membership is the register's alone.</summary>
public sealed class OrganisationDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock, MembershipDesk membership)
{
    /// <summary>Adds a normalised, valid <paramref name="candidate"/> to the directory, and to the membership register
    /// from <paramref name="joinedOn"/> when given.</summary>
    public async Task<DeskResult<Organisation>> CreateAsync(Organisation candidate, DateOnly? joinedOn, AuditActor actor, CancellationToken ct = default)
    {
        if (joinedOn is { } day && membership.RefuseJoining(day) is { } refusal)
            return DeskResult.Invalid([(JoinedOnField, refusal)]).With<Organisation>();
        if (await db.Organisations.FindByFormalNameAsync(candidate.FormalName, ct: ct) is { } clash) return NameTaken(clash, editInstead: true);
        candidate.CreatedUtc = clock.GetUtcNow().UtcDateTime;
        db.Organisations.Add(candidate);
        audit.Record(actor, "organisation.created", candidate, "Created " + OrganisationChanges.Describe(candidate));
        if (joinedOn is { } joined) membership.AddJoining(candidate, joined, actor, "recorded with its entry in the directory");
        try
        {
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another organiser added the same name between the check and the save: the unique index refused it.
            db.ChangeTracker.Clear();
            if (await db.Organisations.FindByFormalNameAsync(candidate.FormalName, ct: ct) is not { } taken) throw;
            return NameTaken(taken, editInstead: true);
        }
        return DeskResult.Done($"{candidate.FormalName} was added to the directory.").With(candidate);
    }

    /// <summary>Replaces organisation <paramref name="id"/>'s fields with <paramref name="candidate"/>'s, if it is still
    /// at <paramref name="expectedVersion"/>. On a conflict the value is the version saved meanwhile.</summary>
    public async Task<DeskResult<Organisation>> UpdateAsync(int id, Guid expectedVersion, Organisation candidate, AuditActor actor,
        CancellationToken ct = default)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return DeskResult.NotFound("There is no such organisation.").With<Organisation>();
        if (organisation.Version != expectedVersion) return Conflict(organisation);
        if (await db.Organisations.FindByFormalNameAsync(candidate.FormalName, exceptId: id, ct: ct) is { } clash) return NameTaken(clash, editInstead: false);

        var changes = OrganisationChanges.Changes(organisation, candidate);
        if (changes.Count == 0) return DeskResult.Done($"{organisation.FormalName}: nothing had changed, so nothing was saved.").With(organisation);

        var before = organisation.FormalName;
        OrganisationChanges.CopyFields(candidate, organisation);
        // The UPDATE only applies if the row still has the version this organiser started from.
        db.Entry(organisation).Property(o => o.Version).OriginalValue = expectedVersion;
        organisation.Version = Guid.NewGuid();
        audit.Record(actor, "organisation.updated", organisation, $"{before}: " + string.Join("; ", changes));
        try
        {
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
            return current is null ? DeskResult.NotFound("There is no such organisation.").With<Organisation>() : Conflict(current);
        }
        catch (DbUpdateException)
        {
            // The unique index on the formal name: another organiser took the name between the check and the save.
            db.ChangeTracker.Clear();
            if (await db.Organisations.FindByFormalNameAsync(candidate.FormalName, exceptId: id, ct: ct) is not { } taken) throw;
            return NameTaken(taken, editInstead: false);
        }
        return DeskResult.Done($"{organisation.FormalName} was updated.").With(organisation);
    }

    /// <summary>The field a refused joining day is reported on.</summary>
    public const string JoinedOnField = "JoinedOn";

    /// <summary>Adds every organisation of a checked import file, all or none; a row with a member_since year joins the
    /// membership register on 1 January of that year (the file gives no day; the register's page corrects it).</summary>
    public async Task<DeskResult> ImportAsync(IReadOnlyList<OrganisationImportResult.Row> rows, string fileName, AuditActor actor, CancellationToken ct = default)
    {
        var organisations = rows.Select(r => r.Organisation).ToList();
        if (rows.FirstOrDefault(r => r.JoinedOn is { } day && membership.RefuseJoining(day) is not null) is { } early)
            return DeskResult.Refused($"Nothing was imported: {early.Organisation.FormalName} cannot join the membership register on 1 January {early.MemberSince}.");
        var count = rows.Count;
        var number = 0;
        var createdUtc = clock.GetUtcNow().UtcDateTime;
        foreach (var (organisation, memberSince) in rows)
        {
            organisation.CreatedUtc = createdUtc;
            db.Organisations.Add(organisation);
            audit.Record(actor, "organisation.imported", organisation,
                $"Imported from {fileName} ({++number} of {count}): {OrganisationChanges.Describe(organisation)}" +
                (memberSince is { } year ? $"; member since {year.ToString(CultureInfo.InvariantCulture)}" : ""));
            if (memberSince is { } since)
                membership.AddJoining(organisation, new DateOnly(since, 1, 1), actor,
                    $"imported from {fileName}: member_since {since.ToString(CultureInfo.InvariantCulture)}, recorded as 1 January");
        }
        try
        {
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index: another organiser added one of these names after the file was checked.
            db.ChangeTracker.Clear();
            var now = await db.Organisations.AllFormalNamesAsync(ct);
            var clashes = organisations.Select(o => o.FormalName).Intersect(now, OrganisationNames.Comparer).ToList();
            if (clashes.Count == 0) throw;
            return DeskResult.Refused($"Nothing was imported: while the file was being checked, someone added {string.Join(", ", clashes.Select(c => $"\"{c}\""))}. Remove them from the file and import it again.");
        }
        return DeskResult.Done(DeskText.Counted(count, $"{count:N0} organisation was imported.", $"{count:N0} organisations were imported."));
    }

    private static DeskResult<Organisation> NameTaken(Organisation existing, bool editInstead) =>
        DeskResult.Invalid([(nameof(Organisation.FormalName), editInstead
            ? (DeskText)$"\"{existing.FormalName}\" is already in the directory. Edit that entry instead, or use a different formal name."
            : (DeskText)$"\"{existing.FormalName}\" is already in the directory under that name. Use a different formal name.")]).With<Organisation>();

    private static DeskResult<Organisation> Conflict(Organisation current) => DeskResult.Conflict("this organisation").With(current);
}
