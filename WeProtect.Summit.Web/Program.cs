using Microsoft.AspNetCore.DataProtection;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Web.Accounts;
using WeProtect.Summit.Web.Breakouts;
using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Web.Infrastructure.RateLimits;
using WeProtect.Summit.Web.Jobs;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Web.Mail;

// The embedded Noto Sans fonts, set once before any PDF draws text.
WeProtect.Summit.Web.Pdf.SummitFonts.Register();

var builder = WebApplication.CreateBuilder(args);
// A production server without its public address and host names would build links from a forgeable Host header.
// Several nodes must share their certificates and database: one that would make its own refuses to start. A reminder
// lead that is not a time span would fail its sweep at every run.
if ((ProductionSettings.Refusal(builder.Configuration, builder.Environment) ?? DeploymentSettings.Refusal(builder.Configuration)
     ?? PasswordHashing.Refusal(builder.Configuration, builder.Environment) ?? ReminderLead.Refusal(builder.Configuration)
     ?? StaffTwoStep.Refusal(builder.Configuration) ?? SessionLifetime.Refusal(builder.Configuration)) is { } refusal)
{
    Console.Error.WriteLine(refusal);
    Environment.ExitCode = 2;
    return;
}
var data = DataFolder.FromConfiguration(builder.Configuration);
builder.Services.AddSingleton(data);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(StaffTwoStep.FromConfiguration(builder.Configuration, builder.Environment));
builder.Services.AddSingleton(SessionLifetime.FromConfiguration(builder.Configuration));

builder.Services.AddSummitDatabase(builder.Configuration, data);
builder.Services.AddSingleton(WeProtect.Summit.Web.Audit.AuditKeySource.Load(builder.Configuration, data));
builder.Services.AddScoped<AuditTrail>();
builder.Services.AddScoped<WeProtect.Summit.Data.Audit.DownloadLog>();
builder.Services.AddSingleton<WeProtect.Summit.Web.Audit.AuditCheckpoints>();

builder.Services.AddIdentity<SummitUser, IdentityRole>(o =>
    {
        o.SignIn.RequireConfirmedEmail = true;
        o.User.RequireUniqueEmail = true;
        // Long passphrases rather than composition rules (NIST SP 800-63B).
        o.Password.RequiredLength = 12;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
    })
    .AddEntityFrameworkStores<SummitDbContext>()
    // Identity's store, with two-factor recovery codes kept hashed rather than in plain text.
    .AddUserStore<SummitUserStore>()
    .AddClaimsPrincipalFactory<SummitClaimsFactory>()
    .AddDefaultTokenProviders()
    // Authenticator codes are good once per user, for log-in and signing alike (AuthenticatorCodes).
    .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
    .AddPasswordValidator<PasswordStrengthValidator>()
    // Identity's errors (a password too short, an address in use) in the reader's language.
    .AddErrorDescriber<SummitIdentityErrors>();
builder.Services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordHashing.Iterations(builder.Configuration));
builder.Services.AddSingleton<PasswordHashing>();
builder.Services.AddScoped<AuthenticatorCodes>();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/Account/Login";
    o.LogoutPath = "/Account/Logout";
    o.AccessDeniedPath = "/Account/AccessDenied";
    o.Cookie.Name = "summit.auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    o.SlidingExpiration = true;
    o.ExpireTimeSpan = TimeSpan.FromHours(8);
    // Every request checks the security stamp, so that log-out, password, two-factor and role changes and a
    // lock-out end every session at once (instead of Identity's default 30-minute interval).
    o.Events.OnValidatePrincipal = SessionCheck.ValidatePrincipalAsync;
    // Each new session notes when it began: SessionCheck ends it after Accounts:SessionHours, however busy.
    o.Events.OnSigningIn = SessionLifetime.OnSigningIn;
});
builder.AddTransportSecurity();
// The keys live in the database, encrypted with a certificate kept apart from it (KeyEncryptionCertificate).
var keyEncryption = KeyEncryptionCertificate.Load(builder.Configuration, data);
builder.Services.AddDataProtection().SetApplicationName("WeProtectSummit").PersistKeysToDbContext<SummitDbContext>()
    .ProtectKeysWithCertificate(keyEncryption).UnprotectKeysWithAnyCertificate(keyEncryption);
builder.Services.AddAuthorizationBuilder().AddSummitPolicies();
builder.Services.AddSummitLocalization();
builder.Services.AddRazorPages(PageAccess.Apply)
    .AddSummitDataAnnotationsLocalization()
    .AddMvcOptions(o =>
    {
        o.ModelBinderProviders.Insert(0, new SafeBooleanModelBinder.Provider());
        LineBreakModelBinder.Provider.Register(o.ModelBinderProviders);
    })
    .AddCookieTempDataProvider(o => o.Cookie.Name = StatusMessage.CookieName);
// Pages in French, Spanish and Arabic carry their letters as they are, not as numeric character references (the
// default encoder escapes everything outside Basic Latin): half the bytes on an Arabic page, and readable source.
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddAntiforgery(o => o.Cookie.Name = "summit.antiforgery");
builder.Services.AddOutputCache(PublicPageCache.AddPolicy);
builder.Services.AddSummitRateLimits();

builder.Services.AddOptions<MailOptions>().Bind(builder.Configuration.GetSection("Mail"))
    .PostConfigure(o => o.PickupFolder ??= data.Combine("outbox"));
builder.Services.AddSingleton<Mailer>();
builder.Services.AddSingleton<Outbox>();
builder.Services.AddSingleton<FirstAdminSetup>();
builder.Services.AddScoped<WeProtect.Summit.Data.Notifications.Notifier>();
builder.Services.AddScoped<RegistrationDesk>();
builder.Services.AddScoped<WeProtect.Summit.Data.Questions.QuestionDesk>();
builder.Services.AddScoped<WeProtect.Summit.Data.Questions.AnswerDesk>();
builder.Services.AddScoped<WeProtect.Summit.Data.Messages.MessageDesk>();
builder.Services.AddScoped<WeProtect.Summit.Data.Notifications.LetterDesk>();
builder.Services.AddScoped<BadgeDesk>();
builder.Services.AddScoped<WeProtect.Summit.Data.Breakouts.BookingDesk>();
builder.Services.AddScoped<WeProtect.Summit.Data.Breakouts.BreakoutSchedule>();
builder.Services.AddScoped<WeProtect.Summit.Data.Breakouts.BreakoutDesk>();
builder.Services.AddScoped<WeProtect.Summit.Data.Materials.MaterialDesk>();
builder.Services.AddScoped<WeProtect.Summit.Data.Summits.SummitDesk>();
builder.Services.AddScoped<WeProtect.Summit.Data.Summits.SampleSummitDesk>();
builder.Services.AddScoped<WeProtect.Summit.Data.Organisations.OrganisationDesk>();
builder.Services.AddScoped<WeProtect.Summit.Data.Organisations.MembershipDesk>();
builder.Services.AddScoped<WeProtect.Summit.Data.Statements.StatementDesk>();
builder.Services.AddScoped<WeProtect.Summit.Data.Statements.TranslationDesk>();
builder.Services.AddScoped<DelegationDesk>();
builder.Services.AddScoped<DelegateAddressDesk>();
builder.Services.AddSingleton<WeProtect.Summit.Data.Invitations.InvitationTokens>();
builder.Services.AddScoped<WeProtect.Summit.Data.Invitations.InvitationDesk>();
builder.Services.AddScoped<WeProtect.Summit.Web.Invitations.InvitationLetters>();
builder.Services.AddScoped<WeProtect.Summit.Web.Accreditation.VisaLetterLetters>();
builder.Services.AddScoped<CheckInStaffDesk>();
builder.Services.AddScoped<WeProtect.Summit.Web.Accounts.CheckInAccess>();
builder.Services.AddSingleton<WeProtect.Summit.Data.Accreditations.DocumentNumberProtector>();
builder.Services.AddScoped<WeProtect.Summit.Data.Accreditations.AccreditationDesk>();
builder.Services.AddScoped<WeProtect.Summit.Data.Accreditations.VisaLetterDesk>();
builder.Services.AddScoped<WeProtect.Summit.Data.Endorsements.EndorsementDesk>();
builder.Services.AddScoped<WeProtect.Summit.Data.Endorsements.PrintedRecordDesk>();
builder.Services.AddScoped<WeProtect.Summit.Web.Accounts.AuthenticatorStepUp>();
builder.Services.AddScoped<WeProtect.Summit.Data.Desks.IDeskTextTranslator, RequestDeskTexts>();
builder.Services.AddScoped<WeProtect.Summit.Data.Reporting.ReportingDesk>();
builder.Services.AddSingleton<WeProtect.Summit.Data.Reporting.IPdfCheck, WeProtect.Summit.Web.Pdf.PdfReaderCheck>();
builder.Services.AddScoped<WeProtect.Summit.Data.Statements.ConsultationRoster>();
builder.Services.AddScoped<WeProtect.Summit.Data.Statements.ConsultationDesk>();
builder.Services.AddScoped<WeProtect.Summit.Data.Accounts.AccountDesk>();
builder.Services.AddScoped<WeProtect.Summit.Data.Accounts.RoleDesk>();
builder.Services.AddScoped<WeProtect.Summit.Data.Retention.RetentionDesk>();
builder.Services.AddScoped<WeProtect.Summit.Data.Throttling.AllowanceLedger>();
builder.Services.AddScoped<WeProtect.Summit.Data.Retention.ErasureDesk>();
builder.Services.AddScoped<WeProtect.Summit.Data.Retention.PersonalDataExport>();
builder.Services.AddSingleton<WeProtect.Summit.Web.Mail.PickupFolderEraser>();
builder.Services.AddSummitJobs(builder.Configuration);

var app = builder.Build();

app.UseForwardedClient();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}
app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
app.UseStaticFiles(new StaticFileOptions
{
    // The pages link every file with its content hash (asp-append-version, ?v=…): such an address never changes, so
    // browsers keep it a year and do not ask again on every page (on a venue's Wi-Fi, every page's styles and scripts).
    OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
        file.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
});
app.UseCookiePolicy();
app.UseRouting();
app.UseSummitRateLimits();
app.UseAuthentication();
app.UseAuthorization();
app.UseSummitLocalization(); // after authentication (the user's saved language); before the cache, which varies by it
app.UseOutputCache(); // after authentication: signed-in requests are never served from the cache
app.MapRazorPages();
app.MapCalendarFeeds();
// The bare endpoint the benchmark compares pages against.
app.MapGet("/healthz", () => "ok").AllowAnonymous();

try
{
    await DatabaseSetup.MigrateAsync(app.Services, app.Logger);
}
catch (DatabaseFromAnotherBuildException refused)
{
    Console.Error.WriteLine(refused.Message);
    Environment.ExitCode = 2;
    return;
}
await StartupTasks.EnsureRolesAsync(app.Services);
app.UseSummitJobs();
app.Lifetime.ApplicationStarted.Register(() => StartupTasks.AnnounceFirstAdminSetupAsync(app).GetAwaiter().GetResult());

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
