namespace WeProtect.Summit.Web.Pages.Registration;

using WeProtect.Summit.Data.Registrations;

/// <summary>"My registrations": the signed-in user's registrations across summits, newest summit first.</summary>
public class IndexModel(SummitDbContext db, UserManager<SummitUser> users, Accounts.StaffTwoStep twoStep) : PageModel
{
    public sealed record Row(int Id, int SummitId, string SummitName, string City, DateOnly StartDate, DateOnly EndDate, RegistrationStatus Status, string Category);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    /// <summary>The summits whose check-in desk the organisers gave this user (no management menu leads there).</summary>
    public IReadOnlyList<(int SummitId, string SummitName)> CheckInDesks { get; private set; } = [];
    /// <summary>Whether those desks wait for this session to use two-step verification (<see cref="Accounts.CheckInAccess"/>).</summary>
    public bool CheckInWaitsForTwoStep => CheckInDesks.Count > 0 && !twoStep.SessionProven(User);

    public async Task OnGetAsync()
    {
        var userId = users.GetUserId(User);
        var rows = await db.Registrations.AsNoTracking()
            .Where(r => r.UserId == userId)
            .Select(r => new { r.Id, r.SummitId, r.Summit.Name, r.Summit.City, r.Summit.StartDate, r.Summit.EndDate, r.Status, r.Category })
            .ToListAsync();
        Rows = rows.OrderByDescending(r => r.StartDate)
            .Select(r => new Row(r.Id, r.SummitId, r.Name, r.City, r.StartDate, r.EndDate, r.Status, r.Category.DisplayName()))
            .ToList();
        CheckInDesks = (await db.CheckInStaff.AsNoTracking().Where(s => s.UserId == userId)
                .Join(db.Summits, s => s.SummitId, summit => summit.Id, (s, summit) => new { summit.Id, summit.Name, summit.StartDate })
                .ToListAsync())
            .OrderByDescending(s => s.StartDate).Select(s => (s.Id, s.Name)).ToList();
    }
}
