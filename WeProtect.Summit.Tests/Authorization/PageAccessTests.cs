using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace WeProtect.Summit.Tests.Authorization;

/// <summary>Every Razor page, and who may open it. A page added without an entry here fails the first test,
/// so nobody adds a page without deciding who may see it.</summary>
public class PageAccessTests : IClassFixture<SummitAppFactory>
{
    /// <summary>CheckInStaff: organisers, and check-in staff of that summit (any other user 403). FocalPoint: the
    /// invitation's focal point and organisers (any other user 403).</summary>
    public enum Access { Public, SignedIn, Organiser, Admin, CheckInStaff, FocalPoint }

    /// <summary>The decision for every page. Route values are filled in by <see cref="SampleUrl"/>.</summary>
    internal static readonly Dictionary<string, Access> Expected = new()
    {
        ["/Index"] = Access.Public,
        ["/Error"] = Access.Public,
        ["/Setup"] = Access.Public,
        ["/Accessibility"] = Access.Public,
        ["/Language"] = Access.Public,
        ["/Account/Register"] = Access.Public,
        ["/Account/CheckEmail"] = Access.Public,
        ["/Account/ConfirmEmail"] = Access.Public,
        ["/Account/ConfirmEmailChange"] = Access.Public,
        ["/Account/ResendConfirmation"] = Access.Public,
        ["/Account/Login"] = Access.Public,
        ["/Account/LoginWith2fa"] = Access.Public,
        ["/Account/LoginWithRecoveryCode"] = Access.Public,
        ["/Account/Logout"] = Access.Public,
        ["/Account/ForgotPassword"] = Access.Public,
        ["/Account/ResetPassword"] = Access.Public,
        ["/Account/AccessDenied"] = Access.Public,
        ["/Profile/Index"] = Access.SignedIn,
        ["/Profile/ChangePassword"] = Access.SignedIn,
        ["/Profile/ChangeEmail"] = Access.SignedIn,
        ["/Profile/TwoFactor"] = Access.SignedIn,
        ["/Profile/EnableAuthenticator"] = Access.SignedIn,
        ["/Profile/RecoveryCodes"] = Access.SignedIn,
        ["/Profile/ResetRecoveryCodes"] = Access.SignedIn,
        ["/Profile/Disable2fa"] = Access.SignedIn,
        ["/Profile/Data"] = Access.SignedIn,
        ["/Summits/Index"] = Access.Public,
        ["/Summits/Details"] = Access.Public,
        ["/Summits/Participants"] = Access.Public,
        ["/Registration/Index"] = Access.SignedIn,
        ["/Registration/Register"] = Access.SignedIn,
        ["/Registration/Details"] = Access.SignedIn,
        ["/Registration/Edit"] = Access.SignedIn,
        ["/Registration/Travel"] = Access.SignedIn,
        ["/Registration/Manage/Questions"] = Access.Organiser,
        ["/Registration/Manage/Question"] = Access.Organiser,
        ["/Registration/Manage/Needs"] = Access.Organiser,
        // The owner only (404 to others); Photo also organisers and the summit's check-in staff; VisaLetter also organisers.
        ["/Registration/Accreditation"] = Access.SignedIn,
        ["/Registration/Photo"] = Access.SignedIn,
        ["/Registration/VisaLetter"] = Access.SignedIn,
        ["/Registration/Manage/VisaLetters"] = Access.Organiser,
        ["/Summits/Manage/Index"] = Access.Organiser,
        ["/Summits/Manage/Edit"] = Access.Organiser,
        ["/Summits/Manage/Summit"] = Access.Organiser,
        ["/Summits/Manage/Retention"] = Access.Organiser,
        ["/Organisations/Index"] = Access.Public,
        ["/Organisations/Members"] = Access.Public,
        ["/Organisations/Manage/Membership"] = Access.Organiser,
        ["/Organisations/Manage/Create"] = Access.Organiser,
        ["/Organisations/Manage/Edit"] = Access.Organiser,
        ["/Organisations/Manage/Import"] = Access.Organiser,
        ["/Outbox/Index"] = Access.Organiser,
        ["/Registration/Manage/Index"] = Access.Organiser,
        ["/Registration/Manage/Quotas"] = Access.Organiser,
        ["/Registration/Manage/Dashboard"] = Access.Organiser,
        ["/Registration/Badge"] = Access.SignedIn,
        ["/Registration/Manage/Badges"] = Access.Organiser,
        ["/Registration/Manage/CheckIn"] = Access.CheckInStaff,
        ["/Registration/Manage/CheckInStaff"] = Access.Organiser,
        ["/Invitations/Manage/Index"] = Access.Organiser,
        ["/Invitations/Manage/Protocol"] = Access.Organiser,
        ["/Invitations/Manage/Revoke"] = Access.Organiser,
        ["/Invitations/Accept"] = Access.SignedIn,
        ["/Invitations/Delegation"] = Access.FocalPoint,
        ["/Registration/Manage/Messages"] = Access.Organiser,
        ["/Registration/Manage/Message"] = Access.Organiser,
        ["/Registration/Manage/Delegate"] = Access.Organiser,
        ["/Registration/Manage/Correct"] = Access.Organiser,
        // Correcting a delegate's e-mail address: the account's (confirmed from the new mailbox) and a nomination's.
        ["/Registration/Manage/Address"] = Access.Organiser,
        ["/Invitations/Manage/NominationAddress"] = Access.Organiser,
        // The focal point's own correction of their nominees' addresses (organisers are sent to the page above).
        ["/Invitations/NominationAddress"] = Access.FocalPoint,
        ["/Breakouts/Manage/Index"] = Access.Organiser,
        ["/Breakouts/Manage/Edit"] = Access.Organiser,
        ["/Breakouts/Manage/Attendees"] = Access.Organiser,
        ["/Breakouts/Manage/Materials"] = Access.Organiser,
        ["/Breakouts/Bookings/Index"] = Access.SignedIn,
        ["/Breakouts/Bookings/Book"] = Access.SignedIn,
        ["/Breakouts/Facilitate/Materials"] = Access.SignedIn,
        ["/Breakouts/Agenda"] = Access.Public,
        ["/Breakouts/Session"] = Access.Public,
        ["/Breakouts/Material"] = Access.Public,
        ["/Statements/Manage/Index"] = Access.Organiser,
        ["/Statements/Manage/Edit"] = Access.Organiser,
        ["/Statements/Manage/Compare"] = Access.Organiser,
        ["/Statements/Manage/Import"] = Access.Organiser,
        ["/Signing/Index"] = Access.SignedIn,
        ["/Signing/Sign"] = Access.SignedIn,
        ["/Signing/AgreedBy"] = Access.Public,
        ["/Signing/Manage/Index"] = Access.Organiser,
        ["/Statements/Manage/Amendments"] = Access.Organiser,
        ["/Statements/Manage/Translations"] = Access.Organiser,
        ["/Statements/Manage/Record"] = Access.Organiser,
        ["/Statements/Consult"] = Access.SignedIn,
        ["/Statements/Text"] = Access.Public,
        ["/Communiques/Index"] = Access.Public,
        ["/Communiques/Details"] = Access.Public,
        ["/Communiques/Verify"] = Access.Public,
        ["/Communiques/Signatories"] = Access.Public,
        ["/Communiques/Manage/Index"] = Access.Organiser,
        ["/Reporting/Index"] = Access.SignedIn,
        ["/Reporting/Report"] = Access.SignedIn,
        ["/Reporting/Progress"] = Access.Public,
        ["/Reporting/Commitment"] = Access.Public,
        ["/Reporting/Member"] = Access.Public,
        ["/Reporting/Attachment"] = Access.Public,
        ["/Reporting/Manage/Index"] = Access.Organiser,
        ["/Reporting/Manage/Cycle"] = Access.Organiser,
        ["/Reporting/Manage/Review"] = Access.Organiser,
        ["/Admin/Users"] = Access.Admin,
        ["/Admin/Audit"] = Access.Admin,
        ["/Admin/Erasure"] = Access.Admin,
    };

    private readonly SummitAppFactory app;

    public PageAccessTests(SummitAppFactory app) => this.app = app;

    private IReadOnlyList<PageActionDescriptor> Pages() => app.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>())
        .OfType<PageActionDescriptor>()
        .DistinctBy(p => p.ViewEnginePath)
        .ToList();

    [Fact]
    public void Every_page_has_a_decided_access_level()
    {
        var pages = Pages().Select(p => p.ViewEnginePath).Order().ToList();
        var undecided = pages.Except(Expected.Keys).ToList();
        Assert.True(undecided.Count == 0, $"Pages with no access decision in PageAccessTests: {string.Join(", ", undecided)}");
        var gone = Expected.Keys.Except(pages).ToList();
        Assert.True(gone.Count == 0, $"PageAccessTests lists pages that no longer exist: {string.Join(", ", gone)}");
    }

    [Fact]
    public void Every_page_endpoint_carries_an_explicit_policy_or_allow_anonymous()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null).ToList();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath;
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(anonymous || policies.Count > 0, $"{page} relies on the fallback policy: name it in PageAccess.Apply");
            switch (Expected.GetValueOrDefault(page))
            {
                case Access.Public: Assert.True(anonymous, $"{page} should allow anonymous users"); break;
                case Access.Organiser: Assert.False(anonymous, page); Assert.Contains("Organiser", policies); break;
                case Access.Admin: Assert.False(anonymous, page); Assert.Contains("Admin", policies); break;
                case Access.SignedIn or Access.FocalPoint: Assert.False(anonymous, page); break;
                case Access.CheckInStaff: Assert.False(anonymous, page); Assert.DoesNotContain("Organiser", policies); break;
            }
        }
    }

    /// <summary>A URL that reaches the page; route values get a made-up id (the page may answer 404).</summary>
    internal static string SampleUrl(PageActionDescriptor page, int id = 424242)
    {
        var template = page.AttributeRouteInfo?.Template ?? page.ViewEnginePath.TrimStart('/');
        // Optional segments (e.g. a download handler "{handler:regex(^pdf$)?}") are left out: the page itself answers without them.
        template = System.Text.RegularExpressions.Regex.Replace(template, @"/\{[^}]+\?\}", "");
        var url = "/" + System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}]+\}", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return url.EndsWith("/Index", StringComparison.Ordinal) ? url[..^"Index".Length] : url;
    }

    public static TheoryData<string> Roles() => ["anonymous", "user", "organiser", "admin"];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_kind_of_user_gets_exactly_the_pages_meant_for_them(string who)
    {
        using var client = who switch
        {
            "anonymous" => app.CreateFormClient(),
            "user" => await app.LoggedInClientAsync(),
            "organiser" => await app.LoggedInClientAsync(Data.Accounts.Roles.Organiser),
            _ => await app.LoggedInClientAsync(Data.Accounts.Roles.Admin),
        };
        var rank = who switch { "anonymous" => 0, "user" => 1, "organiser" => 2, _ => 3 };
        var failures = new List<string>();
        foreach (var page in Pages())
        {
            var url = SampleUrl(page);
            var response = await client.GetAsync(url);
            var location = response.Headers.Location?.OriginalString ?? "";
            // A challenge carries ReturnUrl; a page that merely sends people to log in (LoginWith2fa without a
            // half-finished log-in) does not.
            var toLogin = response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Account/Login?ReturnUrl=");
            var denied = response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Account/AccessDenied"));
            // A focal point's page answers 404 for an invitation that does not exist, to anyone signed in (the 403 for
            // someone else's invitation is tested in Invitations); the check-in desk answers 403 to a plain user.
            var required = Expected[page.ViewEnginePath] switch
            {
                Access.Public => 0, Access.SignedIn or Access.FocalPoint => 1, Access.Organiser or Access.CheckInStaff => 2, _ => 3,
            };
            var allowed = rank >= required;

            if ((int)response.StatusCode >= 500) failures.Add($"{url}: {(int)response.StatusCode}");
            else if (allowed && (toLogin || denied)) failures.Add($"{url}: {who} should get in but got {(int)response.StatusCode} {location}");
            else if (!allowed && rank == 0 && !toLogin) failures.Add($"{url}: anonymous should be sent to log in but got {(int)response.StatusCode} {location}");
            else if (!allowed && rank > 0 && !denied) failures.Add($"{url}: {who} should be denied but got {(int)response.StatusCode} {location}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Check-in staff of one summit find its check-in desk on their registrations page and open it, and no
    /// other management page of it or any page of another summit's check-in.</summary>
    [Fact]
    public async Task Check_in_staff_get_the_check_in_desk_of_their_summit_and_nothing_else()
    {
        var summit = await app.CreateOpenSummitAsync();
        var other = await app.CreateOpenSummitAsync();
        var (client, user) = await app.LoggedInUserAsync();
        using var organiser = await app.LoggedInClientAsync(Data.Accounts.Roles.Organiser);
        var staffPage = await organiser.GetPageAsync($"/Registration/Manage/CheckInStaff/{summit.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync(staffPage, "#grant-form", new Dictionary<string, string> { ["Email"] = user.Email! })).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.CheckInStaff.AnyAsync(c => c.SummitId == summit.Id && c.UserId == user.Id)));

        // Their own pages lead them there (no management menu does).
        var mine = await client.GetPageAsync("/Registration");
        Assert.Equal([$"/Registration/Manage/CheckIn/{summit.Id}"], mine.QuerySelectorAll("#my-check-in-desks a").Select(a => a.GetAttribute("href")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Registration/Manage/CheckIn/{summit.Id}")).StatusCode);
        var otherDesk = await client.GetAsync($"/Registration/Manage/CheckIn/{other.Id}");
        Assert.Contains("/Account/AccessDenied", otherDesk.Headers.Location?.OriginalString ?? "");
        var failures = new List<string>();
        foreach (var page in Pages().Where(p => Expected[p.ViewEnginePath] is Access.Organiser or Access.Admin))
        {
            var url = SampleUrl(page, summit.Id);
            var response = await client.GetAsync(url);
            var location = response.Headers.Location?.OriginalString ?? "";
            var denied = response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Account/AccessDenied"));
            if (!denied) failures.Add($"{url}: check-in staff should be denied but got {(int)response.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
