using Microsoft.Playwright;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Tests.Browser;
using WeProtect.Summit.Tests.Signing;
using Access = WeProtect.Summit.Tests.Authorization.PageAccessTests.Access;

namespace WeProtect.Summit.Tests.Accessibility;

/// <summary>One summit with something on every page (a breakout with a theme, a delegate with a seat, statements in
/// consultation and open for signature, a published communiqué, a reporting cycle, an invitation), made once per
/// browser app through the tests' Support helpers, and a logged-in browser state for each persona. Every page of
/// the authorization test's list gets an address here, or a reason why it is not a page to check.</summary>
public sealed class SweepSite
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (BrowserFixture Browser, SweepSite Site)? cached;

    /// <summary>Pages of the authorization list that are not HTML pages to check, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotPages = new Dictionary<string, string>
    {
        ["/Breakouts/Material"] = "a document download (PDF, .pptx, .docx), not a page",
        ["/Reporting/Attachment"] = "a PDF attached to a progress report, a download, not a page",
    };

    private readonly Dictionary<Persona, string> states = [];

    public required Data.Summits.Summit Summit { get; init; }
    public required int OtherSummitId { get; init; }
    public required int OrganisationId { get; init; }
    public required int BreakoutId { get; init; }
    public required int RegistrationId { get; init; }
    public required int InvitationId { get; init; }
    public required int NominationId { get; init; }
    public required int ConsultedStatementId { get; init; }
    public required int OpenStatementId { get; init; }
    public required int CommuniqueId { get; init; }
    public required int CommuniqueStatementId { get; init; }
    public required int CycleId { get; init; }
    public required int CycleStatementId { get; init; }
    public required int RecordedStatementId { get; init; }

    /// <summary>The site of this browser app, made on first use.</summary>
    public static async Task<SweepSite> ForAsync(BrowserFixture browser)
    {
        await Gate.WaitAsync();
        try
        {
            if (cached is { } c && ReferenceEquals(c.Browser, browser)) return c.Site;
            var site = await SeedAsync(browser);
            cached = (browser, site);
            return site;
        }
        finally { Gate.Release(); }
    }

    /// <summary>The personas that may open a page of this access level (each sees its own navigation).</summary>
    public static IReadOnlyList<Persona> PersonasFor(Access access) => access switch
    {
        Access.Public => [Persona.Anonymous, Persona.Delegate, Persona.Organiser, Persona.Admin],
        Access.SignedIn => [Persona.Delegate, Persona.Organiser, Persona.Admin],
        Access.FocalPoint => [Persona.FocalPoint, Persona.Organiser, Persona.Admin],
        Access.Organiser or Access.CheckInStaff => [Persona.Organiser, Persona.Admin],
        _ => [Persona.Admin],
    };

    /// <summary>Who the sweep opens a page as. By default each page once, as the least privileged persona who may
    /// open it (the people the page is for; the others see the same page with more links), and the home page as every
    /// persona (each role's navigation): every role on every page is about 17 minutes of a 2-core CI, over the suite's
    /// budget. <c>AXE_EVERY_ROLE=1</c> sweeps every page as every persona who may open it.</summary>
    public static IReadOnlyList<Persona> SweptAs(string page, Access access) =>
        Environment.GetEnvironmentVariable("AXE_EVERY_ROLE") == "1" || page == "/Index" ? PersonasFor(access) : [PersonasFor(access)[0]];

    /// <summary>The area of a page, as the sweep groups them: its first folder ("Registration"), or "Home".</summary>
    public static string AreaOf(string page) => page.Count(ch => ch == '/') == 1 ? "Home" : page.Split('/')[1];

    /// <summary>The address that shows <paramref name="page"/> with this site's rows.</summary>
    public string UrlOf(string page)
    {
        string U(FormattableString s) => FormattableString.Invariant(s);
        return page switch
        {
            "/Index" => "/",
            "/Account/Logout" => "/Account/Logout",
            "/Invitations/Accept" => "/Invitations/Accept/not-a-real-token",
            "/Summits/Details" => U($"/Summits/Details/{Summit.Id}"),
            "/Summits/Participants" => U($"/Summits/Participants/{Summit.Id}"),
            "/Summits/Manage/Edit" or "/Summits/Manage/Retention" or "/Summits/Manage/Summit" => U($"{page}/{Summit.Id}"),
            "/Registration/Register" => U($"/Registration/Register/{OtherSummitId}"),
            "/Registration/Details" or "/Registration/Edit" or "/Registration/Badge" or "/Registration/Accreditation" or "/Registration/Photo"
                or "/Registration/Travel" or "/Registration/VisaLetter" => U($"{page}/{RegistrationId}"),
            "/Registration/Manage/Message" => U($"/Registration/Manage/Message/{Summit.Id}/424242"),
            "/Invitations/Manage/Protocol" or "/Registration/Manage/Delegate" or "/Registration/Manage/Correct" or "/Registration/Manage/Address"
                => U($"{page}/{Summit.Id}/{RegistrationId}"),
            "/Invitations/Manage/NominationAddress" => U($"{page}/{Summit.Id}/{NominationId}"),
            "/Invitations/NominationAddress" => U($"{page}/{InvitationId}/{NominationId}"),
            "/Invitations/Delegation" => U($"/Invitations/Delegation/{InvitationId}"),
            "/Invitations/Manage/Revoke" => U($"/Invitations/Manage/Revoke/{Summit.Id}/{InvitationId}"),
            "/Organisations/Manage/Edit" or "/Organisations/Manage/Membership" or "/Reporting/Member" => U($"{page}/{OrganisationId}"),
            "/Breakouts/Manage/Edit" => U($"/Breakouts/Manage/Edit/{Summit.Id}/{BreakoutId}"),
            "/Breakouts/Manage/Attendees" or "/Breakouts/Session" or "/Breakouts/Bookings/Book" or "/Breakouts/Facilitate/Materials" => U($"{page}/{BreakoutId}"),
            "/Statements/Consult" => U($"/Statements/{ConsultedStatementId}/consult"),
            "/Statements/Text" => U($"/Statements/{OpenStatementId}/text"),
            "/Signing/AgreedBy" => U($"/Statements/{OpenStatementId}/agreed-by"),
            "/Signing/Sign" => SigningData.SignUrl(OpenStatementId, OrganisationId),
            "/Statements/Manage/Edit" or "/Statements/Manage/Compare" or "/Statements/Manage/Import" or "/Statements/Manage/Amendments"
                or "/Statements/Manage/Translations" => U($"{page}/{ConsultedStatementId}"),
            "/Statements/Manage/Record" => U($"{page}/{RecordedStatementId}"),
            "/Communiques/Details" => U($"/Communiques/{CommuniqueId}"),
            "/Communiques/Signatories" or "/Communiques/Manage/Index" => U($"{page.Replace("/Index", "")}/{CommuniqueStatementId}"),
            "/Reporting/Report" => ReportingData.ReportUrl(CycleId, OrganisationId),
            "/Reporting/Progress" or "/Reporting/Manage/Cycle" => U($"{page}/{CycleId}"),
            "/Reporting/Commitment" => U($"/Reporting/Commitment/{CycleId}/{CycleStatementId}/all-1"),
            "/Reporting/Manage/Review" => "/Reporting/Manage/Review/424242",
            // The summit's management pages ("{summitId}") and every page without route values.
            _ when page.Contains("/Manage/") && page.StartsWith("/Registration", StringComparison.Ordinal)
                   || page is "/Breakouts/Manage/Index" or "/Breakouts/Manage/Materials" or "/Statements/Manage/Index" or "/Invitations/Manage/Index"
                => U($"{page.Replace("/Index", "")}/{Summit.Id}"),
            "/Breakouts/Agenda" => U($"/Breakouts/Agenda/{Summit.Id}"),
            _ => page.EndsWith("/Index", StringComparison.Ordinal) ? page[..^"Index".Length] : page,
        };
    }

    /// <summary>A page in a browser context logged in as <paramref name="persona"/> (a copy of the log-in made once).</summary>
    public async Task<IPage> PageAsAsync(BrowserFixture browser, Persona persona, int width = 1280, int height = 900, string? locale = null)
    {
        var options = new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = locale };
        if (persona != Persona.Anonymous) options.StorageState = states[persona];
        return await browser.NewPageAsync(options);
    }

    private static async Task<SweepSite> SeedAsync(BrowserFixture browser)
    {
        var app = browser.App;
        var summit = await app.CreateOpenSummitAsync(name: "Sweep Summit on Child Safety Online");
        var other = await app.CreateOpenSummitAsync(name: "Another Summit");
        var organisation = await app.CreateOrganisationAsync("Republic of Sweepland " + Guid.NewGuid().ToString("N")[..4], Sector.Government, "GB");
        var theme = await app.CreateThemeAsync(summit.Id, "Prevention");
        var breakout = await app.CreateBreakoutAsync(summit, title: "Safety by design in practice");
        await app.DecorateAsync(breakout.Id, theme.Id, [organisation.Id]);
        var second = await app.CreateBreakoutAsync(summit, startHour: 11, title: "Victim identification");
        await app.DecorateAsync(second.Id, theme.Id);

        var user = await app.CreateUserAsync(fullName: "Amina Sweep-Delegate");
        var registration = await app.RegisterAsync(user, summit.Id, organisation.Id);
        Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
        Assert.True((await app.BookAsync(breakout.Id, user)).Succeeded);
        var key = await app.EnableTwoFactorAsync(user);
        Assert.True((await app.GrantAsync(user, organisation.Id)).Succeeded);

        var (consulted, _) = await app.CreateStatementAsync(summit.Id, StatementStatus.Consultation, SigningData.TextForAll, "Sweep Statement in consultation");
        var (open, _) = await app.CreateStatementAsync(summit.Id, StatementStatus.OpenForSignature, SigningData.TextForAll, "Sweep Statement of Action");
        // Translations, so that the language links and a right-to-left text are swept too.
        Assert.True((await app.TranslateAsync(consulted.Id, "fr", TranslationData.French)).Succeeded);
        Assert.True((await app.TranslateAsync(open.Id, "ar", TranslationData.Arabic)).Succeeded);
        var cycleStatement = await app.PublishedStatementAsync([organisation]);
        var cycle = await app.CycleAsync(cycleStatement.SummitId, [cycleStatement.Id]);
        using (var scope = app.Services.CreateScope())
        {
            var granted = await scope.ServiceProvider.GetRequiredService<ReportingDesk>().GrantFocalPointAsync(user.Id, organisation.Id, new AuditActor(null, "Test organiser"));
            Assert.True(granted.Succeeded, granted.Message);
        }
        var closed = await app.ClosedStatementAsync();
        var communique = await app.PublishedAsync(closed.StatementId);
        var (invitation, focal) = await app.AcceptedInvitationAsync(summit.Id, heads: 1, delegates: 2);
        var nominee = $"sweep-nominee-{Guid.NewGuid():N}@example.org";
        Assert.True((await app.NominateAsync(invitation, focal, nominee)).Succeeded);
        var nominationId = await app.WithDbAsync(db => db.Nominations.Where(n => n.Email == nominee).Select(n => n.Id).SingleAsync());
        var organiser = await app.CreateUserAsync(fullName: "Olu Sweep-Organiser", roles: Data.Accounts.Roles.Organiser);
        var admin = await app.CreateUserAsync(fullName: "Ada Sweep-Admin", roles: Data.Accounts.Roles.Admin);
        // A past summit's statement with an endorsement recorded as printed: its list and the form to add more.
        var recorded = await app.FinalStatementAsync((await app.RecordedSummitAsync()).Id, organiser);
        using (var scope = app.Services.CreateScope())
        {
            var version = await scope.ServiceProvider.GetRequiredService<Data.SummitDbContext>().Statements.Where(s => s.Id == recorded).Select(s => s.Version).SingleAsync();
            var entered = await scope.ServiceProvider.GetRequiredService<Data.Endorsements.PrintedRecordDesk>().RecordAsync(recorded,
                (await app.OrganisationAsync(Data.Organisations.Sector.Government, "Republic of Sweepland")).FormalName, new DateOnly(2019, 12, 11),
                "Communiqué, 11 December 2019", version, new AuditActor(organiser.Id, organiser.FullName));
            Assert.True(entered.Succeeded, entered.Message);
        }

        var site = new SweepSite
        {
            Summit = summit, OtherSummitId = other.Id, OrganisationId = organisation.Id, BreakoutId = breakout.Id, RegistrationId = registration.Id,
            InvitationId = invitation.Id, NominationId = nominationId, ConsultedStatementId = consulted.Id, OpenStatementId = open.Id, CommuniqueId = communique.Id,
            CommuniqueStatementId = closed.StatementId, CycleId = cycle.Id, CycleStatementId = cycleStatement.Id,
            RecordedStatementId = recorded,
        };
        site.states[Persona.Delegate] = await LogInStateAsync(browser, user.Email!, () => app.TotpCode(key));
        site.states[Persona.FocalPoint] = await LogInStateAsync(browser, focal.Email!, null);
        site.states[Persona.Organiser] = await LogInStateAsync(browser, organiser.Email!, null);
        site.states[Persona.Admin] = await LogInStateAsync(browser, admin.Email!, null);
        return site;
    }

    /// <summary>Logs in through the real forms (with the authenticator step when the account has one) and keeps the
    /// browser's cookies, so that each test opens a logged-in context without logging in again.</summary>
    private static async Task<string> LogInStateAsync(BrowserFixture browser, string email, Func<string>? code)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("form#login input[name='Input.Email']").FillAsync(email);
        await page.Locator("form#login input[name='Input.Password']").FillAsync(SummitAppFactory.Password);
        await page.Locator("form#login button[type=submit]").ClickAsync();
        if (code is not null)
        {
            await BrowserFixture.WaitForAddressAsync(page, "/Account/LoginWith2fa");
            await page.Locator("form#login-2fa input[name='Input.Code']").FillAsync(code());
            await page.Locator("form#login-2fa button[type=submit]").ClickAsync();
        }
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"), new() { Timeout = 60_000 });
        var state = await page.Context.StorageStateAsync();
        await page.Context.CloseAsync();
        return state;
    }
}
