using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Tests.Signing;

namespace WeProtect.Summit.Tests.Support;

/// <summary>Reporting test data: a published statement endorsed by the given organisations, cycles opened through
/// ReportingDesk, focal points (with or without two-factor authentication) logged in.</summary>
public static class ReportingData
{
    /// <summary>The commitments of <see cref="SigningData.TextForAll"/>: two for everyone, two for governments.</summary>
    public static readonly string[] AllAnchors = ["all-1", "all-1.a"];
    public static readonly string[] GovernmentAnchors = ["all-1", "all-1.a", "government-1", "government-1.a"];

    /// <summary>The same commitments named as the statement prints them (in English), as the reporting pages show them.</summary>
    public static readonly string[] AllParts = ["All members 1", "All members 1(a)"];
    public static readonly string[] GovernmentParts = ["All members 1", "All members 1(a)", "Government 1", "Government 1(a)"];

    /// <summary>A statement (of <paramref name="text"/>) endorsed by each organisation while open, then closed and published.</summary>
    public static async Task<Statement> PublishedStatementAsync(this SummitAppFactory app, IEnumerable<Organisation> endorsers, string text = SigningData.TextForAll)
    {
        var (statement, final) = await app.OpenStatementAsync(text);
        foreach (var organisation in endorsers) await app.EndorseAsync(statement, final, organisation);
        await app.WithDbAsync(async db =>
        {
            var s = await db.Statements.FirstAsync(x => x.Id == statement.Id);
            Assert.Null(s.CloseSigning(app.UtcNow));
            Assert.Null(s.MoveTo(StatementStatus.Published));
            await db.SaveChangesAsync();
        });
        return statement;
    }

    /// <summary>A cycle on the statements, open from an hour ago until <paramref name="deadline"/> (default: a week ahead).</summary>
    public static async Task<ReportingCycle> CycleAsync(this SummitAppFactory app, int summitId, IReadOnlyCollection<int> statementIds, DateTime? deadlineUtc = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.SummitDbContext>();
        var summit = await db.Summits.AsNoTracking().FirstAsync(s => s.Id == summitId);
        var result = await scope.ServiceProvider.GetRequiredService<ReportingDesk>().OpenCycleAsync(summitId, $"Cycle {Guid.NewGuid():N}"[..16],
            summit.ToLocal(app.UtcNow.AddHours(-1)), summit.ToLocal(deadlineUtc ?? app.UtcNow.AddDays(7)), statementIds, new AuditActor(null, "Test organiser"));
        Assert.True(result.Succeeded, result.Message);
        return result.Value!;
    }

    /// <summary>A published statement endorsed by the organisations and a cycle on it.</summary>
    public static async Task<(Statement Statement, ReportingCycle Cycle)> CycleOnNewStatementAsync(this SummitAppFactory app, params Organisation[] endorsers)
    {
        var statement = await app.PublishedStatementAsync(endorsers);
        return (statement, await app.CycleAsync(statement.SummitId, [statement.Id]));
    }

    /// <summary>A new user granted as focal point of the organisation, logged in (with two-factor authentication when
    /// <paramref name="twoFactor"/>; the key is then returned).</summary>
    public static async Task<(SummitUser User, FormClient Client, string? Key)> FocalPointAsync(this SummitAppFactory app, int organisationId, bool twoFactor = true,
        string fullName = "Focal Point")
    {
        var user = await app.CreateUserAsync(fullName: fullName);
        using (var scope = app.Services.CreateScope())
        {
            var granted = await scope.ServiceProvider.GetRequiredService<ReportingDesk>().GrantFocalPointAsync(user.Id, organisationId, new AuditActor(null, "Test organiser"));
            Assert.True(granted.Succeeded, granted.Message);
        }
        if (!twoFactor) return (user, await app.LogInAsync(user), null);
        var key = await app.EnableTwoFactorAsync(user);
        var client = app.CreateFormClient();
        await client.LogInWithTwoFactorAsync(app, user.Email!, key);
        return (user, client, key);
    }

    public static string ReportUrl(int cycleId, int organisationId) => $"/Reporting/Report/{cycleId}/{organisationId}";

    /// <summary>The field values that set entry <paramref name="index"/> of the report form.</summary>
    public static Dictionary<string, string> Entry(int index, CommitmentStatus status, string narrative = "", string links = "") => new()
    {
        [$"Input.Entries[{index}].Status"] = status.ToString(),
        [$"Input.Entries[{index}].Narrative"] = narrative,
        [$"Input.Entries[{index}].EvidenceLinks"] = links,
    };

    public static Dictionary<string, string> With(this Dictionary<string, string> values, Dictionary<string, string> more)
    {
        foreach (var (k, v) in more) values[k] = v;
        return values;
    }

    public static Task<List<ProgressReport>> ReportsAsync(this SummitAppFactory app, int cycleId, int organisationId) =>
        app.WithDbAsync(db => db.ProgressReports.AsNoTracking().Include(r => r.Entries)
            .Where(r => r.CycleId == cycleId && r.OrganisationId == organisationId).OrderBy(r => r.Number).ToListAsync());

    /// <summary>A real one-page PDF (PDFsharp), its title <paramref name="marker"/> so that each has its own SHA-256.</summary>
    public static byte[] Pdf(string marker)
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.Info.Title = marker;
        document.AddPage();
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    /// <summary>Posts the report page's attach form with the file.</summary>
    public static Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Page)> AttachAsync(this FormClient client, AngleSharp.Html.Dom.IHtmlDocument page,
        string fileName, byte[] content) =>
        client.SubmitAndFollowAsync(page, "form#attach-form", files: new Dictionary<string, (string, byte[])> { ["Upload"] = (fileName, content) });
}
