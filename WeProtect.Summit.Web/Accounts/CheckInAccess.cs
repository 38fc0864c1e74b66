using System.Security.Claims;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Web.Accounts;

/// <summary>Who opens a summit's check-in desk and the photos it shows: organisers and administrators by their role
/// (already held to two-step verification by <see cref="StaffTwoStep.ForRequest"/>), and the summit's check-in staff by
/// their grant, under the same rule: the desk shows names, photos and access needs, so where staff need two-step
/// verification a password alone does not open it for them either.</summary>
public sealed class CheckInAccess(CheckInStaffDesk staff, StaffTwoStep twoStep)
{
    public enum Answer { Open, NeedsTwoStep, Closed }

    public async Task<Answer> ForAsync(ClaimsPrincipal user, int summitId, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Organiser) || user.IsInRole(Roles.Admin)) return Answer.Open;
        if (!await staff.MayCheckInAsync(summitId, user.FindFirstValue(ClaimTypes.NameIdentifier), ct)) return Answer.Closed;
        return twoStep.SessionProven(user) ? Answer.Open : Answer.NeedsTwoStep;
    }
}
