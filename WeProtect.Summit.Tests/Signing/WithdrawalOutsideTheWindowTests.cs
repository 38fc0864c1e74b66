using System.Text.Json;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Signing;

/// <summary>An organisation may leave a list while it may join it: a withdrawal outside the signing window is taken by a
/// standing statement and by one published and open for late endorsements (published revisions keep their list, the next
/// one leaves the organisation out), and refused once a statement takes no endorsement. A change made before late
/// endorsements ended still reaches a signed revision.</summary>
public class WithdrawalOutsideTheWindowTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static Dictionary<string, string> Withdrawal(string reason, string code) => new() { ["Withdrawal.Reason"] = reason, ["Withdrawal.Code"] = code };

    private async Task<int> ListedCountAsync(FormClient visitor, int statementId, int revision)
    {
        using var list = JsonDocument.Parse(await visitor.Http.GetStringAsync($"/Communiques/Signatories/{statementId}/json?revision={revision}"));
        return list.RootElement.GetProperty("count").GetInt32();
    }

    [Fact]
    public async Task After_publication_a_statement_open_for_late_endorsements_takes_a_withdrawal_that_the_next_revision_records()
    {
        var closed = await app.ClosedStatementAsync(lateEndorsements: true);
        await app.PublishedAsync(closed.StatementId);
        app.Clock.Advance(TimeSpan.FromDays(30));
        var leaving = closed.Organisations[0];
        var signatory = await app.SignatoryAsync(leaving.Id);

        var page = await signatory.Client.GetPageAsync(SigningData.SignUrl(closed.StatementId, leaving.Id));
        Assert.Contains("its next revision leaves your organisation out", page.QuerySelector("#withdraw")!.TextContent);
        var (_, withdrawn) = await signatory.Client.SubmitAndFollowAsync(page, "#withdraw-form", Withdrawal("A new government reviewed its endorsements.", app.TotpCode(signatory.Key)));
        Assert.Equal("The endorsement is withdrawn. The published communiqué keeps the list as it was signed; its next revision leaves your organisation out.",
            withdrawn.QuerySelector("[role=status]")!.TextContent);
        Assert.DoesNotContain(await app.EndorsementsAsync(closed.StatementId), e => e.OrganisationId == leaving.Id && e.IsLive);
        Assert.Contains("endorsement.withdrawn", await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.SubjectType == "Endorsement").OrderByDescending(e => e.Sequence).Select(e => e.Action).FirstAsync()));

        // The public list no longer has it, and says where it went.
        using var visitor = app.CreateFormClient();
        var agreed = await visitor.GetPageAsync($"/Statements/{closed.StatementId}/agreed-by");
        Assert.DoesNotContain(agreed.QuerySelectorAll(".agreed-by-sector"), s => s.TextContent.Contains(leaving.FormalName));
        Assert.Contains(agreed.QuerySelectorAll("#withdrawn li"), li => li.TextContent.StartsWith($"{leaving.FormalName}: endorsement withdrawn on "));

        // The organisers see the change and publish revision 2 without it; revision 1 keeps the list it was signed with.
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var manage = await organiser.GetPageAsync($"/Communiques/Manage/{closed.StatementId}");
        Assert.Contains("1 endorsement since revision 1", manage.QuerySelector("#late-count")!.TextContent);
        var (_, queued) = await organiser.SubmitAndFollowAsync(manage, "form#revision-form");
        Assert.Contains("Revision 2 of the communiqué is queued", queued.QuerySelector("#status")?.TextContent);
        var second = await app.WaitForCommuniqueAsync(closed.StatementId, c => c.Status == CommuniqueStatus.Published, revision: 2);
        Assert.Equal(closed.Organisations.Count - 1, second.SignatoryCount);
        Assert.Equal(closed.Organisations.Count, await ListedCountAsync(visitor, closed.StatementId, 1));
        Assert.Equal(closed.Organisations.Count - 1, await ListedCountAsync(visitor, closed.StatementId, 2));
    }

    [Fact]
    public async Task Once_a_statement_takes_no_endorsement_its_list_is_the_record_and_nothing_can_be_withdrawn()
    {
        var closed = await app.ClosedStatementAsync();
        await app.PublishedAsync(closed.StatementId);
        var staying = closed.Organisations[0];
        var signatory = await app.SignatoryAsync(staying.Id);
        var page = await signatory.Client.GetPageAsync(SigningData.SignUrl(closed.StatementId, staying.Id));
        Assert.Null(page.QuerySelector("#withdraw-form"));

        // A post made anyway (a page kept open, a crafted request) is refused by the desk, before any code is asked.
        var asked = false;
        using var scope = app.Services.CreateScope();
        var refused = await scope.ServiceProvider.GetRequiredService<EndorsementDesk>().WithdrawAsync(closed.StatementId, staying.Id, "Too late",
            signatory.User.Id, new AuditActor(signatory.User.Id, "Signing Person"), _ => { asked = true; return Task.FromResult<DeskText?>(null); });
        Assert.False(refused.Succeeded);
        Assert.Equal(EndorsementDesk.WithdrawalClosed, refused.Message);
        Assert.False(asked);
        Assert.Contains(await app.EndorsementsAsync(closed.StatementId), e => e.OrganisationId == staying.Id && e.IsLive);
    }

    [Fact]
    public async Task A_late_endorsement_made_before_late_endorsements_ended_still_reaches_a_signed_revision()
    {
        var closed = await app.ClosedStatementAsync(lateEndorsements: true);
        await app.PublishedAsync(closed.StatementId);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var late = await app.OrganisationAsync(Sector.Government, $"Late Republic {Guid.NewGuid():N}"[..22]);
        var signatory = await app.SignatoryAsync(late.Id);
        var signPage = await signatory.Client.GetPageAsync(SigningData.SignUrl(closed.StatementId, late.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await signatory.Client.SignAsync(signPage, app.TotpCode(signatory.Key))).StatusCode);

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var (_, ended) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Communiques/Manage/{closed.StatementId}"), "form#end-late-form");
        Assert.Contains("Late endorsements are ended", ended.QuerySelector("#status")?.TextContent);
        Assert.Null(ended.QuerySelector("form#end-late-form"));
        Assert.Equal("1 change to the list since revision 1 (an endorsement or a withdrawal) is in no signed revision yet.",
            ended.QuerySelector("#late-count")!.TextContent.Trim());

        var (_, queued) = await organiser.SubmitAndFollowAsync(ended, "form#revision-form");
        Assert.Contains("Revision 2 of the communiqué is queued", queued.QuerySelector("#status")?.TextContent);
        var second = await app.WaitForCommuniqueAsync(closed.StatementId, c => c.Status == CommuniqueStatus.Published, revision: 2);
        Assert.Equal(closed.Organisations.Count + 1, second.SignatoryCount);
        // Caught up: nothing more to revise, and no form offering it.
        var after = await organiser.GetPageAsync($"/Communiques/Manage/{closed.StatementId}");
        Assert.Null(after.QuerySelector("form#revision-form"));
    }

    [Fact]
    public async Task A_standing_statement_takes_a_withdrawal_years_later_and_a_new_endorsement_after_it()
    {
        var (statement, _) = await app.StandingStatementAsync();
        var member = await app.OrganisationAsync(Sector.Government, $"Standing Republic {Guid.NewGuid():N}"[..28]);
        var signatory = await app.SignatoryAsync(member.Id);
        var page = await signatory.Client.GetPageAsync(SigningData.SignUrl(statement.Id, member.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await signatory.Client.SignAsync(page, app.TotpCode(signatory.Key))).StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(2 * 365));
        // Two years on: logged in again.
        using var later = app.CreateFormClient();
        await later.LogInWithTwoFactorAsync(app, signatory.User.Email!, signatory.Key);
        var signed = await later.GetPageAsync(SigningData.SignUrl(statement.Id, member.Id));
        var (_, withdrawn) = await later.SubmitAndFollowAsync(signed, "#withdraw-form", Withdrawal("Signed for the wrong ministry.", app.TotpCode(signatory.Key)));
        Assert.Equal("The endorsement is withdrawn. Your organisation may endorse the statement again while it takes endorsements.",
            withdrawn.QuerySelector("[role=status]")!.TextContent);
        using var visitor = app.CreateFormClient();
        var agreed = await visitor.GetPageAsync($"/Statements/{statement.Id}/agreed-by");
        Assert.Contains(agreed.QuerySelectorAll("#withdrawn li"), li => li.TextContent.StartsWith($"{member.FormalName}: endorsement withdrawn on "));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await later.SignAsync(withdrawn, app.TotpCode(signatory.Key))).StatusCode);
        var again = await visitor.GetPageAsync($"/Statements/{statement.Id}/agreed-by");
        Assert.Contains(again.QuerySelectorAll(".agreed-by-sector"), s => s.TextContent.Contains(member.FormalName));
        Assert.Null(again.QuerySelector("#withdrawn"));
    }
}
