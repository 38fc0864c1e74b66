using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Tests.Signing;

namespace WeProtect.Summit.Tests.Reporting;

/// <summary>A later statement reaffirms an earlier one: the link is set in the statement's settings, shown on both
/// texts, and the earlier statement's commitments carry on into cycles on the later one (for its own endorsers and
/// for the later statement's).</summary>
public class ReaffirmationTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private const string LaterText =
        "# Later statement\n\nWe reaffirm and endorse the earlier Statement of Action.\n\n" +
        "## Members commit to {audience=all}\n\n1. **Report every two years**\n";

    [Fact]
    public async Task The_later_statement_carries_the_earlier_ones_commitments_into_its_cycle_and_both_texts_show_the_link()
    {
        var early = await app.OrganisationAsync(Sector.Government);
        var later = await app.OrganisationAsync(Sector.Government);
        var company = await app.OrganisationAsync(Sector.PrivateSector);
        var earlier = await app.PublishedStatementAsync([early]);
        var (statement, final) = await app.OpenStatementAsync(LaterText);

        var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var edit = await organiser.GetPageAsync($"/Statements/Manage/Edit/{statement.Id}");
        Assert.NotNull(edit.QuerySelector($"select[name='Settings.ReaffirmsStatementId'] option[value='{earlier.Id}']"));
        var (_, saved) = await organiser.SubmitAndFollowAsync(edit, "#settings-form", new Dictionary<string, string> { ["Settings.ReaffirmsStatementId"] = earlier.Id.ToString() });
        Assert.Equal("Settings saved.", saved.QuerySelector("#status")!.TextContent.Trim());
        Assert.Equal(earlier.Id, await app.WithDbAsync(db => db.Statements.Where(s => s.Id == statement.Id).Select(s => s.ReaffirmsStatementId).SingleAsync()));

        await app.EndorseAsync(statement, final, later);
        await app.EndorseAsync(statement, final, company);
        await app.WithDbAsync(async db =>
        {
            var s = await db.Statements.FirstAsync(x => x.Id == statement.Id);
            Assert.Null(s.CloseSigning(app.UtcNow));
            Assert.Null(s.MoveTo(StatementStatus.Published));
            await db.SaveChangesAsync();
        });

        var anonymous = app.CreateFormClient();
        var laterText = await anonymous.GetPageAsync($"/Statements/{statement.Id}/text");
        Assert.Equal($"/Statements/{earlier.Id}/text", laterText.QuerySelector("#reaffirms a")!.GetAttribute("href"));
        var earlierText = await anonymous.GetPageAsync($"/Statements/{earlier.Id}/text");
        Assert.Equal($"/Statements/{statement.Id}/text", earlierText.QuerySelector("#reaffirmed-by a")!.GetAttribute("href"));

        // A cycle on the later statement only: the earlier one comes with it.
        var cycle = await app.CycleAsync(statement.SummitId, [statement.Id]);
        Assert.Equal([earlier.Id, statement.Id], cycle.Statements.Select(s => s.StatementId).Order());
        var scope = (await app.WithDbAsync(db => TrackedCommitments.OfCycleAsync(db, cycle.Id)))!;
        // Sorted: the cycle lists its statements in the database's order, not the order they were chosen in.
        string Keys(int organisationId) => string.Join(" ", scope.Of(organisationId)!.Commitments
            .Select(c => $"{(c.StatementId == earlier.Id ? "E" : "L")}:{c.Anchor}").Order(StringComparer.Ordinal));
        // The later statement's endorser reports on both (the earlier one's government items included, by sector).
        Assert.Equal("E:all-1 E:all-1.a E:government-1 E:government-1.a L:all-1", Keys(later.Id));
        Assert.Equal("E:all-1 E:all-1.a L:all-1", Keys(company.Id));
        // The earlier statement's own endorser keeps reporting on it, and on nothing it did not endorse.
        Assert.Equal("E:all-1 E:all-1.a E:government-1 E:government-1.a", Keys(early.Id));
        Assert.Contains("reaffirmed", (await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == "reporting-cycle.opened" && e.SubjectId == cycle.Id.ToString()).Select(e => e.Summary).SingleAsync())));
    }

    [Fact]
    public void A_statement_cannot_reaffirm_itself_a_text_not_yet_final_or_one_that_reaffirms_it()
    {
        Statement Make(int id, bool final)
        {
            var s = new Statement { Id = id, Title = $"S{id}" };
            Assert.Null(s.AddVersion(StatementParser.Parse(SigningData.TextForAll), null, "A", "", DateTime.UtcNow).Refusal);
            if (final) Assert.Null(s.MoveTo(StatementStatus.Final));
            return s;
        }
        var later = Make(3, final: false);
        Assert.Contains("itself", later.SetReaffirms(later, [3])?.ToString());
        Assert.Contains("final", later.SetReaffirms(Make(2, final: false), [2])?.ToString());
        // 2 reaffirms 1, which reaffirms 3: 3 may not reaffirm 2.
        Assert.Contains("already reaffirms this one", later.SetReaffirms(Make(2, final: true), [2, 1, 3])?.ToString());
        Assert.Null(later.SetReaffirms(Make(1, final: true), [1]));
        Assert.Equal(1, later.ReaffirmsStatementId);
        Assert.Null(later.SetReaffirms(null, [])?.ToString());
        Assert.Null(later.ReaffirmsStatementId);
    }
}
