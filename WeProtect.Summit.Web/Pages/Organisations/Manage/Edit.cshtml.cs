using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using WeProtect.Summit.Data;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Web.Infrastructure;

namespace WeProtect.Summit.Web.Pages.Organisations.Manage;

/// <summary>Edits one organisation. The Version the organiser started from travels in the form; if someone else
/// saved in between, nothing is saved and their version is shown next to the organiser's own input.</summary>
public class EditModel(SummitDbContext db, AuditTrail audit, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public OrganisationInput Input { get; set; } = new();

    /// <summary>The name as it is saved, for the heading.</summary>
    public string SavedName { get; private set; } = "";

    /// <summary>The saved version, when it changed while this organiser was editing.</summary>
    public Organisation? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == Id, ct);
        if (organisation is null) return NotFound();
        SavedName = organisation.FormalName;
        Input = OrganisationInput.From(organisation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == Id, ct);
        if (organisation is null) return NotFound();
        SavedName = organisation.FormalName;

        var candidate = Input.ToCandidate();
        var valid = Input.Validate(candidate, clock.GetUtcNow().Year, ModelState);
        if (organisation.Version != Input.Version)
        {
            Stale(organisation);
            return Page();
        }
        if (!valid) return Page();
        if (await db.Organisations.FindByFormalNameAsync(candidate.FormalName, exceptId: Id, ct: ct) is { } clash)
        {
            NameTaken(clash.FormalName);
            return Page();
        }

        var changes = OrganisationInput.Changes(organisation, candidate);
        if (changes.Count == 0)
        {
            this.ShowStatus($"{organisation.FormalName}: nothing had changed, so nothing was saved.");
            return RedirectToPage("/Organisations/Index");
        }

        var before = organisation.FormalName;
        OrganisationInput.CopyFields(candidate, organisation);
        // The UPDATE only applies if the row still has the version this organiser started from.
        db.Entry(organisation).Property(o => o.Version).OriginalValue = Input.Version;
        organisation.Version = Guid.NewGuid();
        audit.Record(User.ToAuditActor(), "organisation.updated", organisation, $"{before}: " + string.Join("; ", changes));
        try
        {
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == Id, ct);
            if (current is null) return NotFound();
            Stale(current);
            return Page();
        }
        catch (DbUpdateException)
        {
            // The unique index on the formal name: another organiser took the name between the check and the save.
            db.ChangeTracker.Clear();
            if (await db.Organisations.FindByFormalNameAsync(candidate.FormalName, exceptId: Id, ct: ct) is not { } taken) throw;
            NameTaken(taken.FormalName);
            return Page();
        }
        this.ShowStatus($"{organisation.FormalName} was updated.");
        return RedirectToPage("/Organisations/Index");
    }

    private void Stale(Organisation current)
    {
        Theirs = current;
        SavedName = current.FormalName;
        ModelState.AddModelError(string.Empty,
            "Someone else changed this organisation while you were editing it, so your changes were not saved. " +
            "Their version is shown below and your input is kept in the form: check both, then save again if yours should replace theirs.");
        // The next save is measured against their version, not the one this organiser started from.
        ModelState.Remove("Input.Version");
        Input.Version = current.Version;
    }

    private void NameTaken(string existing) => ModelState.AddModelError("Input.FormalName",
        $"\"{existing}\" is already in the directory under that name. Use a different formal name.");
}
