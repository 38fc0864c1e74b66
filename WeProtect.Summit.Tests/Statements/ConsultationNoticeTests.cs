using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Statements;

/// <summary>Consultation is found: the approved delegates are told by e-mail once when a statement goes under
/// consultation, and the summit's page lists it, with its closing date, to those the consultation page lets in.</summary>
public class ConsultationNoticeTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private Task<List<string?>> NoticesAsync(int statementId) => app.WithDbAsync(db => db.Notifications.AsNoTracking()
        .Where(n => n.Kind == NotificationKinds.ConsultationOpened && n.SubjectId == statementId).Select(n => n.RecipientUserId).ToListAsync());

    [Fact]
    public async Task Approved_delegates_are_told_once_in_their_language_and_the_summit_page_lists_the_consultation_to_them()
    {
        var (summitId, id) = await app.StatementAsync(StatementStatus.Draft);
        var closes = app.UtcNow.AddDays(10);
        await app.WithDbAsync(db => db.Statements.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsultationClosesUtc, closes)));
        var (member, memberUser) = await app.DelegateAsync(summitId);
        var (_, frenchUser) = await app.DelegateAsync(summitId);
        await app.PreferLanguageAsync(frenchUser, "fr");
        var (pending, pendingUser) = await app.DelegateAsync(summitId, approve: false);
        var title = await app.WithDbAsync(db => db.Statements.Where(s => s.Id == id).Select(s => s.Title).SingleAsync());
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        // A draft is listed to nobody.
        Assert.Null((await member.GetPageAsync($"/Summits/Details/{summitId}")).QuerySelector($"#summit-consultation-{id}"));

        var edit = await organiser.GetPageAsync($"/Statements/Manage/Edit/{id}");
        var (_, inConsultation) = await organiser.SubmitAndFollowAsync(edit, "#status-form", submitter: "#move-Consultation");
        Assert.Equal("In consultation", inConsultation.QuerySelector("#statement-status")!.TextContent.Trim());
        Assert.Equal(new[] { memberUser.Id, frenchUser.Id }.Order(), (await NoticesAsync(id)).Order());

        var mail = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(x => x.Address == memberUser.Email) && (m.Subject ?? "").StartsWith("Open for consultation"));
        Assert.Contains(title, mail.Subject);
        Assert.Contains($"/Statements/{id}/consult", mail.TextBody);
        Assert.Contains("Asia/Dubai", mail.TextBody);   // the closing date, in the summit's zone
        var french = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(x => x.Address == frenchUser.Email) && (m.Subject ?? "").Contains(title));
        Assert.StartsWith("Ouvert à la consultation", french.Subject);
        Assert.DoesNotContain(app.MailTo(pendingUser.Email!), m => (m.Subject ?? "").Contains(title));

        // Back to draft and into consultation again: nobody is told twice.
        var (_, draft) = await organiser.SubmitAndFollowAsync(inConsultation, "#status-form", submitter: "#move-Draft");
        var (_, again) = await organiser.SubmitAndFollowAsync(draft, "#status-form", submitter: "#move-Consultation");
        Assert.Equal("In consultation", again.QuerySelector("#statement-status")!.TextContent.Trim());
        Assert.Equal(2, (await NoticesAsync(id)).Count);

        // The summit's page lists it, with the closing date, to a consulted member and to organisers; not to others.
        var listed = (await member.GetPageAsync($"/Summits/Details/{summitId}")).QuerySelector($"#summit-consultation-{id}")!;
        Assert.Equal($"/Statements/{id}/consult", listed.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("comments and amendments until", listed.TextContent);
        Assert.Contains("Asia/Dubai", listed.TextContent);
        Assert.NotNull((await organiser.GetPageAsync($"/Summits/Details/{summitId}")).QuerySelector($"#summit-consultation-{id}"));
        Assert.Null((await pending.GetPageAsync($"/Summits/Details/{summitId}")).QuerySelector($"#summit-consultation-{id}"));
        Assert.Null((await app.CreateFormClient().GetPageAsync($"/Summits/Details/{summitId}")).QuerySelector($"#summit-consultation-{id}"));
    }

    [Fact]
    public async Task After_its_closing_date_the_consultation_takes_no_more_comments()
    {
        var (summitId, id) = await app.StatementAsync(StatementStatus.Consultation);
        var closes = app.UtcNow.AddMinutes(30);
        await app.WithDbAsync(db => db.Statements.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsultationClosesUtc, closes)));
        var (member, _) = await app.DelegateAsync(summitId);
        var page = await member.GetPageAsync($"/Statements/{id}/consult");
        Assert.Contains("Comments and amendments are taken until", page.QuerySelector("#consult-closes")!.TextContent);

        app.Clock.Advance(TimeSpan.FromHours(1));
        var refused = await member.SubmitAsync(page, "#comment-form", new Dictionary<string, string> { ["Comment.Anchor"] = "government-1", ["Comment.Text"] = "Late" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The consultation closed on", (await FormClient.ParseAsync(refused)).QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.StatementComments.CountAsync(c => c.StatementId == id)));
        var closed = await member.GetPageAsync($"/Statements/{id}/consult");
        Assert.Null(closed.QuerySelector("#comment-form"));
        Assert.Contains("The consultation closed on", closed.QuerySelector("#consult-closed")!.TextContent);
        Assert.Contains("the consultation closed on", (await member.GetPageAsync($"/Summits/Details/{summitId}")).QuerySelector($"#summit-consultation-{id}")!.TextContent);
    }

    [Fact]
    public async Task Whether_a_statements_notices_went_is_answered_from_an_index_not_by_reading_every_letter()
    {
        var (summitId, id) = await app.StatementAsync(StatementStatus.Draft);
        var (_, memberUser) = await app.DelegateAsync(summitId);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var edit = await organiser.GetPageAsync($"/Statements/Manage/Edit/{id}");
        var (_, inConsultation) = await organiser.SubmitAndFollowAsync(edit, "#status-form", submitter: "#move-Consultation");
        Assert.Equal("In consultation", inConsultation.QuerySelector("#statement-status")!.TextContent.Trim());
        Assert.Equal([memberUser.Id], await NoticesAsync(id));

        // The desk's check (Notification.About), as SQLite plans it: a search of the (Kind, SubjectId) index.
        var plan = await app.WithDbAsync(async db =>
        {
            var sql = db.Notifications.Where(Notification.About(NotificationKinds.ConsultationOpened, id)).Select(n => n.Id).ToQueryString();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + string.Join("\n", sql.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
            foreach (var line in sql.Split('\n').Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
            {
                var parts = line.Split(' ', 4);
                var parameter = command.CreateParameter();
                parameter.ParameterName = parts[2];
                parameter.Value = parts[3].Trim().Trim('\'');
                command.Parameters.Add(parameter);
            }
            var details = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) details.Add(reader.GetString(3));
            return string.Join(" | ", details);
        });
        Assert.Contains("INDEX IX_Notifications_Kind_SubjectId", plan);
        Assert.DoesNotContain("SCAN", plan);
    }
}
