using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Statements;


namespace WeProtect.Summit.Tests.Support;

/// <summary>Summits recorded afterwards and their statements, for the tests of endorsements recorded as printed.</summary>
internal static class RecordData
{
    /// <summary>A summit of December 2019 in Addis Ababa, recorded afterwards, still a draft.</summary>
    public static Task<Data.Summits.Summit> RecordedSummitAsync(this SummitAppFactory app) => app.WithDbAsync(async db =>
    {
        var summit = new Data.Summits.Summit
        {
            Name = $"Addis Ababa 2019 {Guid.NewGuid():N}"[..30], City = "Addis Ababa", CountryCode = "ET", TimeZoneId = "Africa/Addis_Ababa",
            StartDate = new DateOnly(2019, 12, 10), EndDate = new DateOnly(2019, 12, 11), DelegateCapacity = 400, CreatedUtc = app.UtcNow,
        };
        Assert.Null(summit.RecordAfterwards());
        db.Summits.Add(summit);
        await db.SaveChangesAsync();
        return summit;
    });

    /// <summary>A final statement for governments on the summit, made through the statement desk as its pages do.</summary>
    public static async Task<int> FinalStatementAsync(this SummitAppFactory app, int summitId, SummitUser organiser)
    {
        using var scope = app.Services.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<StatementDesk>();
        var actor = new AuditActor(organiser.Id, organiser.FullName);
        var created = await desk.CreateAsync(summitId, StatementKind.StatementOfAction, "Statement of Action", actor);
        var statement = created.Value!;
        Assert.True((await desk.AddVersionAsync(statement, StatementParser.Parse(SigningData.TextForGovernments), 0, null, actor)).Succeeded);
        var moved = await desk.MoveAsync(statement, StatementStatus.Final, statement.Version, actor);
        Assert.True(moved.Succeeded, moved.Message);
        return statement.Id;
    }
}
