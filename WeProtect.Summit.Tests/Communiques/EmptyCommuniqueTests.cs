using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Tests.Communiques;

/// <summary>Publishing is irreversible: a statement nobody endorsed is published only after an explicit
/// confirmation, never with one click.</summary>
public class EmptyCommuniqueTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task Publishing_with_no_signatory_needs_the_confirmation()
    {
        var closed = await app.ClosedStatementAsync(names: []);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var url = $"/Communiques/Manage/{closed.StatementId}";
        var page = await organiser.GetPageAsync(url);
        Assert.Contains("0 organisations", page.QuerySelector("#signatory-count")!.TextContent);
        Assert.NotNull(page.QuerySelector("#no-signatories input#confirm-no-signatories"));

        // One click: refused with the reason, nothing queued.
        var (response, refused) = await organiser.SubmitAndFollowAsync(page, "form#publish-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No organisation has endorsed this statement", refused.Body!.TextContent);
        Assert.Null(await app.CommuniqueOfAsync(closed.StatementId));
        Assert.NotNull(refused.QuerySelector("#publish"));

        // Confirmed: queued and published, the confirmation recorded in the audit trail.
        var (_, after) = await organiser.SubmitAndFollowAsync(refused, "form#publish-form", new Dictionary<string, string> { ["ConfirmNoSignatories"] = "true" });
        Assert.Contains("queued", after.QuerySelector("#status")!.TextContent);
        var published = await app.WaitForCommuniqueAsync(closed.StatementId, c => c.Status == CommuniqueStatus.Published);
        Assert.Equal(0, published.SignatoryCount);
        var summary = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "communique.queued" && e.SubjectId == published.Id.ToString())
            .Select(e => e.Summary).SingleAsync());
        Assert.Contains("with 0 signatories (confirmed by the organiser)", summary);
    }

    [Fact]
    public async Task The_desk_refuses_an_unconfirmed_empty_publication_and_asks_nothing_when_there_are_signatories()
    {
        var empty = await app.ClosedStatementAsync(names: []);
        var endorsed = await app.ClosedStatementAsync();
        using var scope = app.Services.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<CommuniqueDesk>();
        var refused = await desk.PublishAsync(empty.StatementId, Data.Audit.AuditActor.System);
        Assert.Equal(DeskRefusal.NeedsConfirmation, refused.Refusal);
        Assert.Equal(CommuniqueDesk.NoSignatories, refused.Message);

        var page = await (await app.LoggedInClientAsync(Roles.Organiser)).GetPageAsync($"/Communiques/Manage/{endorsed.StatementId}");
        Assert.Null(page.QuerySelector("#no-signatories"));
        Assert.True((await desk.PublishAsync(endorsed.StatementId, Data.Audit.AuditActor.System)).Succeeded);
    }
}
