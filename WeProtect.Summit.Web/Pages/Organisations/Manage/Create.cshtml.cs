using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using WeProtect.Summit.Data;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Web.Infrastructure;

namespace WeProtect.Summit.Web.Pages.Organisations.Manage;

public class CreateModel(SummitDbContext db, AuditTrail audit, TimeProvider clock) : PageModel
{
    [BindProperty] public OrganisationInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var organisation = Input.ToCandidate();
        if (!Input.Validate(organisation, clock.GetUtcNow().Year, ModelState)) return Page();
        if (await db.Organisations.FindByFormalNameAsync(organisation.FormalName, ct: ct) is { } clash)
        {
            NameTaken(clash.FormalName);
            return Page();
        }

        db.Organisations.Add(organisation);
        audit.Record(User.ToAuditActor(), "organisation.created", organisation, "Created " + OrganisationInput.Describe(organisation));
        try
        {
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another organiser added the same name between the check and the save: the unique index refused it.
            if (!await NameTakenMeanwhileAsync(organisation)) throw;
            return Page();
        }
        this.ShowStatus($"{organisation.FormalName} was added to the directory.");
        return RedirectToPage("/Organisations/Index");
    }

    private async Task<bool> NameTakenMeanwhileAsync(Organisation organisation)
    {
        db.Entry(organisation).State = EntityState.Detached;
        if (await db.Organisations.FindByFormalNameAsync(organisation.FormalName) is not { } clash) return false;
        NameTaken(clash.FormalName);
        return true;
    }

    private void NameTaken(string existing) => ModelState.AddModelError("Input.FormalName",
        $"\"{existing}\" is already in the directory. Edit that entry instead, or use a different formal name.");
}
