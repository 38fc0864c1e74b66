using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Tests.Statements;

namespace WeProtect.Summit.Tests.Support;

/// <summary>Statements and consulted members for the consultation tests, made through the entities' own methods.</summary>
internal static class ConsultationData
{
    /// <summary>A statement of a new open summit with the example text as version 1, moved to <paramref name="status"/>.</summary>
    public static async Task<(int SummitId, int StatementId)> StatementAsync(this SummitAppFactory app,
        StatementStatus status = StatementStatus.Consultation, string? text = null)
    {
        var summit = await app.CreateOpenSummitAsync();
        var (statement, _) = await app.CreateStatementAsync(summit.Id, status, text ?? StatementExample.Canonical);
        return (summit.Id, statement.Id);
    }

    /// <summary>An approved delegate of the summit for an organisation named <paramref name="organisation"/>, logged in.</summary>
    public static async Task<(FormClient Client, SummitUser User)> DelegateAsync(this SummitAppFactory app, int summitId,
        string? organisation = null, bool approve = true)
    {
        var org = await app.CreateOrganisationAsync(organisation);
        var user = await app.CreateUserAsync(fullName: "Delegate " + Guid.NewGuid().ToString("N")[..6]);
        var registration = await app.RegisterAsync(user, summitId, org.Id);
        if (approve) Assert.True((await app.DecideAsync(registration.Id, Data.Registrations.RegistrationStatus.Approved)).Succeeded);
        return (await app.LogInAsync(user), user);
    }

    /// <summary>A user holding a signing authority (live unless <paramref name="revoked"/>) and no registration.</summary>
    public static async Task<(FormClient Client, SummitUser User)> SignatoryAsync(this SummitAppFactory app, bool revoked = false)
    {
        var org = await app.CreateOrganisationAsync(sector: Sector.CivilSociety);
        var user = await app.CreateUserAsync(fullName: "Signatory " + Guid.NewGuid().ToString("N")[..6]);
        await app.WithDbAsync(async db =>
        {
            var authority = new SigningAuthority
            {
                OrganisationId = org.Id, UserId = user.Id, EvidenceReference = "Note verbale 2026/1", EvidenceDate = new DateOnly(2026, 1, 5),
                GrantedByUserId = user.Id, GrantedUtc = app.UtcNow,
            };
            if (revoked) Assert.Null(authority.Revoke("Left the post", user.Id, app.UtcNow));
            db.SigningAuthorities.Add(authority);
            await db.SaveChangesAsync();
        });
        return (await app.LogInAsync(user), user);
    }

    /// <summary>A new version of the statement (as an organiser's edit would make).</summary>
    public static Task AddVersionAsync(this SummitAppFactory app, int statementId, string text, string note = "Organiser edit") =>
        app.WithDbAsync(async db =>
        {
            var statement = await db.Statements.Include(s => s.Versions).SingleAsync(s => s.Id == statementId);
            var (version, refusal) = statement.AddVersion(StatementParser.Parse(text), null, "Organiser", note, app.UtcNow);
            Assert.True(version is not null, refusal?.ToString());
            await db.SaveChangesAsync();
        });

    public static bool IsDenied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied"));
}
