using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Support;

internal static class SigningData
{
    /// <summary>Sections for all members and for governments.</summary>
    public const string TextForAll =
        "# Statement of Action\n\nWe, the members, are united.\n\n" +
        "## All members commit to {audience=all}\n\n1. **Put children first**\n   a. Listen to children.\n\n" +
        "## Government delegates pledge to {audience=government}\n\n1. **Legislate**\n   a. Pass laws.\n";

    /// <summary>One section, for governments only.</summary>
    public const string TextForGovernments =
        "# Government pledge\n\nWe, the governments, agree.\n\n" +
        "## Government delegates pledge to {audience=government}\n\n1. **Legislate**\n   a. Pass laws.\n";

    /// <summary>A statement of a new open summit, final and open for signature (window: an hour ago to a week ahead unless given).</summary>
    public static async Task<(Statement Statement, StatementVersion Final)> OpenStatementAsync(this SummitAppFactory app, string text = TextForAll,
        DateTime? opens = null, DateTime? closes = null, bool embargoed = false, string? title = null)
    {
        var summit = await app.CreateOpenSummitAsync();
        return await app.CreateStatementAsync(summit.Id, StatementStatus.OpenForSignature, text, title ?? $"Statement {Guid.NewGuid():N}"[..20], s =>
        {
            s.SigningOpensUtc = opens ?? app.UtcNow.AddHours(-1);
            s.SigningClosesUtc = closes ?? app.UtcNow.AddDays(7);
            s.SignatoriesEmbargoed = embargoed;
        });
    }

    /// <summary>A standing statement, open for signature, with no signing window and an embargo that does not apply.</summary>
    public static async Task<(Statement Statement, StatementVersion Final)> StandingStatementAsync(this SummitAppFactory app)
    {
        var summit = await app.CreateOpenSummitAsync();
        var (statement, final) = await app.CreateStatementAsync(summit.Id, StatementStatus.Final, SigningData.TextForAll, $"Membership {Guid.NewGuid():N}"[..20]);
        await app.WithDbAsync(async db =>
        {
            var s = await db.Statements.Include(x => x.Versions).FirstAsync(x => x.Id == statement.Id);
            Assert.Null(s.SetStanding(true));
            s.SignatoriesEmbargoed = true;
            Assert.Null(s.MoveTo(StatementStatus.OpenForSignature));
            await db.SaveChangesAsync();
        });
        return (statement, final);
    }

    /// <summary>Grants through EndorsementDesk, as an organiser would on the page.</summary>
    public static async Task<DeskResult<SigningAuthority>> GrantAsync(this SummitAppFactory app, SummitUser user, int organisationId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EndorsementDesk>()
            .GrantAsync(user.Id, organisationId, "Credentials letter 2026/1", new DateOnly(2026, 1, 15), new AuditActor(null, "Test organiser"));
    }

    /// <summary>A new user with two-factor authentication, granted the right to sign for the organisation, logged in.</summary>
    public static async Task<SignedInSignatory> SignatoryAsync(this SummitAppFactory app, int organisationId, string fullName = "Signing Person")
    {
        var user = await app.CreateUserAsync(fullName: fullName);
        var key = await app.EnableTwoFactorAsync(user);
        var granted = await app.GrantAsync(user, organisationId);
        Assert.True(granted.Succeeded, granted.Message);
        var client = app.CreateFormClient();
        await client.LogInWithTwoFactorAsync(app, user.Email!, key);
        return new SignedInSignatory(user, key, client, granted.Value!.Id);
    }

    public static string SignUrl(int statementId, int organisationId) => $"/Signing/Sign/{statementId}/{organisationId}";

    /// <summary>Posts the sign form of <paramref name="page"/> with the given code (and optionally another hash or target).</summary>
    public static Task<HttpResponseMessage> SignAsync(this FormClient client, IHtmlDocument page, string code, string? hash = null,
        string? actionUrl = null, string name = "Minister Anna Example", string position = "Minister of the Interior")
    {
        Assert.True(page.QuerySelector("form#sign-form") is not null, "No sign form on the page: " + (page.QuerySelector("main")?.TextContent ?? "")[..Math.Min(600, page.QuerySelector("main")?.TextContent.Length ?? 0)]);
        if (actionUrl is not null) page.QuerySelector("form#sign-form")!.SetAttribute("action", actionUrl + "?handler=Sign");
        var values = new Dictionary<string, string> { ["Input.Code"] = code, ["Input.PrintedName"] = name, ["Input.PrintedPosition"] = position };
        if (hash is not null) values["Input.ConfirmedHash"] = hash;
        return client.SubmitAsync(page, "form#sign-form", values);
    }

    /// <summary>Posts the withdraw form of <paramref name="page"/> with the reason and the authenticator code (a withdrawal
    /// needs a fresh code, as a signature does).</summary>
    public static Task<HttpResponseMessage> WithdrawAsync(this FormClient client, IHtmlDocument page, string reason, string code)
    {
        Assert.True(page.QuerySelector("form#withdraw-form") is not null, "No withdraw form on the page.");
        return client.SubmitAsync(page, "form#withdraw-form", new Dictionary<string, string> { ["Withdrawal.Reason"] = reason, ["Withdrawal.Code"] = code });
    }

    /// <summary>The page's error summary (or empty).</summary>
    public static string Errors(this IHtmlDocument page) => page.QuerySelector(".alert-danger")?.TextContent.Trim() ?? "";

    public static async Task<IHtmlDocument> RefusedPageAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"Expected a refusal page, got {(int)response.StatusCode}: {body[..Math.Min(500, body.Length)]}");
        return await FormClient.ParseAsync(response, body);
    }

    public static Task<List<Endorsement>> EndorsementsAsync(this SummitAppFactory app, int statementId) =>
        app.WithDbAsync(db => db.Endorsements.AsNoTracking().Where(e => e.StatementId == statementId).OrderBy(e => e.Id).ToListAsync());

    public static Task<List<string>> AuditActionsAsync(this SummitAppFactory app, string subjectType, int subjectId) =>
        app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.SubjectType == subjectType && e.SubjectId == subjectId.ToString())
            .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());

    public static Task<Organisation> OrganisationAsync(this SummitAppFactory app, Sector sector = Sector.Government, string? name = null) =>
        app.CreateOrganisationAsync(name, sector);
}
