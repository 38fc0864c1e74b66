using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Tests.Statements;

namespace WeProtect.Summit.Tests.Support;

/// <summary>A closed statement with endorsements, made directly in the database (the endorsement pages belong to
/// another feature), and helpers to wait for the publishing job.</summary>
internal static class CommuniqueData
{
    public sealed record ClosedStatement(int StatementId, int SummitId, string Title, string ContentHash, IReadOnlyList<Organisation> Organisations);

    /// <summary>Organisation names for a statement, unique per call, with the diacritics the PDF must carry.</summary>
    public static IReadOnlyList<(string Formal, string Sort, Sector Sector)> Names()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        return
        [
            ($"Republic of Côte d'Ivoire {tag}", $"Côte d'Ivoire {tag}", Sector.Government),
            ($"Türkiye {tag}", $"Türkiye {tag}", Sector.Government),
            ($"São Tomé and Príncipe {tag}", $"São Tomé and Príncipe {tag}", Sector.Government),
            ($"People's Republic of China {tag}", $"China {tag}", Sector.Government),
            ($"Internationale Agentur {tag}", $"Internationale Agentur {tag}", Sector.InternationalOrganisation),
            ($"Zeta Online Services {tag}", $"Zeta Online Services {tag}", Sector.PrivateSector),
            ($"Ärzte für Kinderschutz {tag}", $"Ärzte für Kinderschutz {tag}", Sector.CivilSociety),
        ];
    }

    /// <summary>A statement moved through Final → OpenForSignature → Closed, endorsed by one organisation per name
    /// (and with one withdrawn endorsement, which must not be listed).</summary>
    public static async Task<ClosedStatement> ClosedStatementAsync(this SummitAppFactory app, bool embargoed = false, string? text = null,
        IReadOnlyList<(string Formal, string Sort, Sector Sector)>? names = null, bool lateEndorsements = false)
    {
        var summit = await app.CreateOpenSummitAsync();
        var signer = await app.CreateUserAsync(fullName: "Signing Minister");
        names ??= Names();
        var now = app.UtcNow;
        var (statement, version) = await app.CreateStatementAsync(summit.Id, StatementStatus.Closed, text ?? StatementExample.CallToAction2024,
            $"Call to Action {Guid.NewGuid():N}"[..24], s =>
            {
                s.Kind = StatementKind.CallToAction;
                (s.SigningOpensUtc, s.SigningClosesUtc, s.SignatoriesEmbargoed) = (now.AddDays(-2), now.AddDays(-1), embargoed);
                Assert.Null(s.SetLateEndorsements(lateEndorsements));
            });
        return await app.WithDbAsync(async db =>
        {
            var organisations = names.Select(n => new Organisation
            {
                FormalName = n.Formal, SortName = n.Sort, Sector = n.Sector, CountryCode = n.Sector == Sector.InternationalOrganisation ? null : "GB",
            }).ToList();
            var withdrawn = new Organisation { FormalName = $"Withdrawn Ministry {Guid.NewGuid():N}"[..26], SortName = "Withdrawn", Sector = Sector.Government, CountryCode = "FR" };
            db.Organisations.AddRange(organisations);
            db.Organisations.Add(withdrawn);
            await db.SaveChangesAsync();
            foreach (var organisation in organisations.Append(withdrawn))
                db.Endorsements.Add(new Endorsement
                {
                    StatementId = statement.Id, OrganisationId = organisation.Id, StatementVersionId = version!.Id, ContentHash = version.ContentHash,
                    SignerUserId = signer.Id, PrintedName = "Signing Minister", PrintedPosition = "Minister", SignedUtc = now.AddDays(-1).AddHours(-1),
                });
            await db.SaveChangesAsync();
            var gone = await db.Endorsements.SingleAsync(e => e.StatementId == statement.Id && e.OrganisationId == withdrawn.Id);
            Assert.Null(gone.Withdraw("Changed its mind", signer.Id, now));
            await db.SaveChangesAsync();
            return new ClosedStatement(statement.Id, summit.Id, statement.Title, version!.ContentHash, organisations);
        });
    }

    /// <summary>The statement's communiqué: its first revision unless another is named.</summary>
    public static Task<Communique?> CommuniqueOfAsync(this SummitAppFactory app, int statementId, int revision = 1) =>
        app.WithDbAsync(db => db.Communiques.AsNoTracking().FirstOrDefaultAsync(c => c.StatementId == statementId && c.Revision == revision));

    /// <summary>Waits (up to 60 s, room for a busy machine) until the communiqué of the statement (its first revision
    /// unless another is named) matches.</summary>
    public static async Task<Communique> WaitForCommuniqueAsync(this SummitAppFactory app, int statementId, Func<Communique, bool> until, int revision = 1)
    {
        Communique? last = null;
        for (var waited = 0; waited < 60_000; waited += 100)
        {
            last = await app.CommuniqueOfAsync(statementId, revision);
            if (last is not null && until(last)) return last;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"The communiqué did not reach the expected state within 60 s: {last?.Status} {last?.LastError}");
    }

    public static async Task<Communique> PublishedAsync(this SummitAppFactory app, int statementId)
    {
        var organiser = await app.CreateUserAsync(fullName: "Publishing Organiser", roles: Data.Accounts.Roles.Organiser);
        using (var scope = app.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<Data.Communiques.CommuniqueDesk>()
                .PublishAsync(statementId, new Data.Audit.AuditActor(organiser.Id, organiser.FullName));
            Assert.True(result.Succeeded, result.Message);
        }
        return await app.WaitForCommuniqueAsync(statementId, c => c.Status == CommuniqueStatus.Published);
    }

    /// <summary>Posts a file to the Verify form as a browser would (antiforgery token from the page), with the
    /// content type given.</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> VerifyAsync(this FormClient client, byte[] bytes,
        string fileName = "communique.pdf", string contentType = "application/pdf")
    {
        var form = await client.GetPageAsync("/Communiques/Verify");
        var token = form.QuerySelector("form#verify-form input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), "The verify form carries no antiforgery token");
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token!), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        content.Add(file, "Upload", fileName);
        var response = await client.Http.PostAsync("/Communiques/Verify", content);
        return (response, await FormClient.ParseAsync(response));
    }
}
