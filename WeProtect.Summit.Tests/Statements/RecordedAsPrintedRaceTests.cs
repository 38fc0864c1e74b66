using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>The same printed list posted by several organisers at once: each organisation is recorded once (the
/// statement's token and the filtered unique index decide), every other post is told so, none fails.</summary>
[Collection(LoadCollection.Name)]
public class RecordedAsPrintedRaceTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private const int Posts = 12;

    [Fact]
    public async Task The_same_list_posted_at_once_records_each_organisation_once()
    {
        var summit = await app.RecordedSummitAsync();
        var (_, organiser) = await app.LoggedInUserAsync(Roles.Organiser);
        var statementId = await app.FinalStatementAsync(summit.Id, organiser);
        var governments = new List<Organisation>();
        for (var i = 0; i < 5; i++) governments.Add(await app.OrganisationAsync(Sector.Government, $"Race Republic {i} {Guid.NewGuid():N}"[..30]));
        var clients = new List<FormClient>();
        for (var i = 0; i < 4; i++) clients.Add(await app.LoggedInClientAsync(Roles.Organiser));
        var url = $"/Statements/Manage/Record/{statementId}";
        var pages = await Task.WhenAll(Enumerable.Range(0, Posts).Select(i => clients[i % clients.Count].GetPageAsync(url)));
        var form = new Dictionary<string, string>
        {
            ["Input.Names"] = string.Join("\n", governments.Select(g => g.FormalName)), ["Input.AgreedOn"] = "2019-12-11", ["Input.Source"] = "Communiqué, 11 December 2019",
        };

        var responses = await Task.WhenAll(pages.Select((page, i) => Task.Run(() => clients[i % clients.Count].SubmitAsync(page, "#record-form", form))));

        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, $"{(int)r.StatusCode}"));
        var endorsements = await app.EndorsementsAsync(statementId);
        Assert.Equal(governments.Select(g => g.Id).Order(), endorsements.Select(e => e.OrganisationId).Order());
        var recorded = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "endorsement.recorded" && e.Summary.Contains($"statement {statementId} ")));
        Assert.Equal(governments.Count, recorded);
    }
}
