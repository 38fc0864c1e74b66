using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using WeProtect.Summit.Data;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Web.Infrastructure;

namespace WeProtect.Summit.Web.Pages.Summits.Manage;

using WeProtect.Summit.Data.Summits;

/// <summary>The organisers' list of every summit, drafts included, and the one-button sample summit.</summary>
public class IndexModel(SummitDbContext db, AuditTrail audit, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Name, string City, DateOnly StartDate, DateOnly EndDate, SummitStatus Status, int DelegateCapacity);

    public IReadOnlyList<Row> Summits { get; private set; } = [];

    public async Task OnGetAsync() => Summits = await db.Summits.AsNoTracking()
        .OrderByDescending(s => s.StartDate)
        .Select(s => new Row(s.Id, s.Name, s.City, s.StartDate, s.EndDate, s.Status, s.DelegateCapacity))
        .ToListAsync();

    /// <summary>Creates an open sample summit hosted by the United Arab Emirates, for demonstrations.</summary>
    public async Task<IActionResult> OnPostSampleAsync()
    {
        var actor = User.ToAuditActor();
        var summit = SampleSummit.Create(clock.GetUtcNow().UtcDateTime);
        var host = await db.Organisations.FirstOrDefaultAsync(o => o.FormalName == SampleSummit.HostFormalName);
        if (host is null)
        {
            host = new Organisation { FormalName = SampleSummit.HostFormalName, SortName = SampleSummit.HostFormalName, Sector = Sector.Government, CountryCode = "AE", MemberSince = 2015 };
            db.Organisations.Add(host);
            audit.Record(actor, "organisation.created", host, $"{host.FormalName} added for the sample summit");
        }
        summit.Hosts.Add(host);
        summit.MoveTo(SummitStatus.Open);
        db.Summits.Add(summit);
        audit.Record(actor, "summit.created", summit, $"Sample summit \"{summit.Name}\" created and opened");
        await audit.SaveChangesAsync();
        this.ShowStatus($"Sample summit \"{summit.Name}\" created and open for registration.");
        return RedirectToPage("/Summits/Details", new { id = summit.Id });
    }
}
