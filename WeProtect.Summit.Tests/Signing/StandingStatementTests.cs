using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Signing;

/// <summary>A standing statement (the Alliance's membership commitments): open for signature with no window, endorsed
/// by an organisation whenever it joins, bound to the final text's hash and audited like any endorsement, in the
/// "Agreed by" list at once, and its commitments tracked for that organisation.</summary>
public class StandingStatementTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public void Only_a_standing_statement_opens_without_a_window_and_takes_endorsements_at_any_time_for_its_audiences()
    {
        var standing = new Statement { Title = "Membership" };
        Assert.Null(standing.AddVersion(StatementParser.Parse(SigningData.TextForGovernments), null, "A", "", DateTime.UtcNow).Refusal);
        Assert.Null(standing.MoveTo(StatementStatus.Final));
        var ordinary = new Statement { Title = "Ordinary" };
        Assert.Null(ordinary.AddVersion(StatementParser.Parse(SigningData.TextForGovernments), null, "A", "", DateTime.UtcNow).Refusal);
        Assert.Null(ordinary.MoveTo(StatementStatus.Final));
        Assert.Contains("signing window", ordinary.MoveTo(StatementStatus.OpenForSignature)?.ToString());

        Assert.Null(standing.SetStanding(true));
        Assert.Null(standing.MoveTo(StatementStatus.OpenForSignature));
        var years = new DateTime(2031, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        Assert.Null(standing.RefuseEndorsement(Sector.Government, [StatementAudience.Government], years));
        Assert.Contains("sector", standing.RefuseEndorsement(Sector.PrivateSector, [StatementAudience.Government], years)?.ToString());
        // Closed and published, it still takes them; once closed it can no longer become standing, but can stop being so.
        Assert.Null(standing.CloseSigning(years));
        Assert.Null(standing.RefuseEndorsement(Sector.Government, [StatementAudience.Government], years.AddYears(1)));
        Assert.True(Statement.TakesEndorsementAt(years).Compile()(standing));
        Assert.Null(standing.SetStanding(false));
        Assert.NotNull(standing.RefuseEndorsement(Sector.Government, [StatementAudience.Government], years));
        Assert.Contains("can no longer become a standing statement", standing.SetStanding(true)?.ToString());
    }

    [Fact]
    public async Task An_organisation_joining_years_later_endorses_the_standing_statement_bound_to_its_hash_audited_listed_at_once_and_reports_on_it()
    {
        var (statement, final) = await app.StandingStatementAsync();
        var founder = await app.OrganisationAsync(Sector.Government, $"Founding Republic {Guid.NewGuid():N}"[..28]);
        var founderSignatory = await app.SignatoryAsync(founder.Id);
        var page = await founderSignatory.Client.GetPageAsync(SigningData.SignUrl(statement.Id, founder.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await founderSignatory.Client.SignAsync(page, app.TotpCode(founderSignatory.Key))).StatusCode);

        // Three years on (well past any window a summit would set), a new member joins and endorses.
        app.Clock.Advance(TimeSpan.FromDays(3 * 365));
        var joiner = await app.OrganisationAsync(Sector.Government, $"Joining Republic {Guid.NewGuid():N}"[..28]);
        var signatory = await app.SignatoryAsync(joiner.Id, "Joining Minister");
        var signingList = await signatory.Client.GetPageAsync("/Signing");
        Assert.Contains("Standing statement: open at any time", signingList.Body!.TextContent);
        var signPage = await signatory.Client.GetPageAsync(SigningData.SignUrl(statement.Id, joiner.Id));
        // The hash confirmed must be the final text's.
        var stale = await SigningData.RefusedPageAsync(await signatory.Client.SignAsync(signPage, app.TotpCode(signatory.Key), hash: new string('0', 64)));
        Assert.Contains("text changed", stale.Errors());
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Redirect, (await signatory.Client.SignAsync(signPage, app.TotpCode(signatory.Key))).StatusCode);
        var endorsement = (await app.EndorsementsAsync(statement.Id)).Single(e => e.OrganisationId == joiner.Id);
        Assert.Equal((final.Id, final.ContentHash), (endorsement.StatementVersionId, endorsement.ContentHash));
        var summary = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.SubjectType == "Endorsement" && e.SubjectId == endorsement.Id.ToString()).Select(e => e.Action + " " + e.Summary).SingleAsync());
        Assert.StartsWith("endorsement.signed", summary);
        Assert.Contains("standing statement", summary);

        // In the public list at once, the embargo notwithstanding.
        var agreedBy = await app.CreateFormClient().GetPageAsync($"/Statements/{statement.Id}/agreed-by");
        Assert.Contains(joiner.FormalName, agreedBy.QuerySelector("#agreed-by")!.TextContent);
        Assert.Equal("2", agreedBy.QuerySelector("#agreed-by-count strong")!.TextContent);

        // A cycle may cover it while it stays open; the joiner's commitments are tracked like the founder's.
        var cycle = await app.CycleAsync(statement.SummitId, [statement.Id]);
        var scope = await app.WithDbAsync(db => TrackedCommitments.OfCycleAsync(db, cycle.Id));
        Assert.Equal(ReportingData.GovernmentAnchors, scope!.Of(joiner.Id)!.Commitments.Select(c => c.Anchor));
        Assert.NotNull(scope.Of(founder.Id));
    }
}
