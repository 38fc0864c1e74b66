namespace WeProtect.Summit.Web.Pages.Registration.Manage;

/// <summary>The organisers' registration pages of one summit, in the order of their tabs (<c>_ManageNav</c>) and of the
/// summit's management page: the page path, its label (a resource key) and the tab's element id.</summary>
public static class RegistrationTabs
{
    public static readonly IReadOnlyList<(string Target, string Label, string Id)> All =
    [
        ("/Registration/Manage/Index", "Registrations", "nav-registrations"),
        ("/Registration/Manage/Quotas", "Delegation quotas", "nav-quotas"),
        ("/Registration/Manage/Questions", "Questions", "nav-questions"),
        ("/Registration/Manage/Dashboard", "Attendance", "nav-dashboard"),
        ("/Registration/Manage/Needs", "Needs", "nav-needs"),
        ("/Registration/Manage/Badges", "Badges", "nav-badges"),
        ("/Registration/Manage/CheckIn", "Check-in", "nav-checkin"),
        ("/Registration/Manage/Messages", "Messages", "nav-messages"),
        ("/Invitations/Manage/Index", "Invitations", "nav-invitations"),
        ("/Registration/Manage/CheckInStaff", "Check-in staff", "nav-checkin-staff"),
        ("/Registration/Manage/VisaLetters", "Visa letters", "nav-visa-letters"),
    ];
}
