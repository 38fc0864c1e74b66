using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Messages;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>One delegate's record for the secretariat: reached from the vetting queue and from a message's
/// recipients; the registration, needs, seats, badge, every letter about it (and only its own) with whether it went,
/// and its history. Organisers only; another summit's registration is not found.</summary>
public class DelegateRecordTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task An_organiser_sees_one_delegates_registration_seats_letters_and_history()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, title: "Hotlines and reporting");
        var (amina, registration) = await app.ApprovedDelegateAsync(summit.Id, "Amina Record");
        var (other, _) = await app.ApprovedDelegateAsync(summit.Id, "Omar Other");
        await app.SetNeedsAsync(registration.Id, "Ramp at the side entrance", Need.WheelchairAccess);
        Assert.True((await app.BookAsync(breakout.Id, amina)).Succeeded);
        await app.SaveTravelAsync(registration, new TravelPlan(summit.StartDate.ToDateTime(new TimeOnly(7, 0)), "KQ 310",
            summit.EndDate.ToDateTime(new TimeOnly(21, 0)), null, "Hotel Lumière"));
        using (var scope = app.Services.CreateScope())
        {
            var sent = await scope.ServiceProvider.GetRequiredService<MessageDesk>().SendAsync(summit.Id, Guid.NewGuid(), "Shuttle times",
                "Dear {FullName}, the shuttle leaves at eight.", "en", [], new RegistrationFilter { Status = RegistrationStatus.Approved },
                new AuditActor(null, "Secretariat Officer"));
            Assert.True(sent.Succeeded, sent.Message);
        }
        await app.WaitForAllMailAsync();
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        // From the queue, by the delegate's name.
        var queue = await organiser.GetPageAsync($"/Registration/Manage/{summit.Id}");
        var link = queue.QuerySelector($"tr[data-id='{registration.Id}'] .delegate-name a")!.GetAttribute("href")!;
        Assert.Equal($"/Registration/Manage/Delegate/{summit.Id}/{registration.Id}", link);
        var page = await organiser.GetPageAsync(link);
        Assert.Equal("Amina Record", page.QuerySelector("#delegate-name")!.TextContent);
        Assert.Contains("Approved", page.QuerySelector("#delegate-status")!.TextContent);
        Assert.Contains("Wheelchair access", page.QuerySelector("#delegate-needs")!.TextContent);
        Assert.Contains("Ramp at the side entrance", page.QuerySelector("#delegate-needs")!.TextContent);
        Assert.Contains("Not printed yet", page.QuerySelector("#delegate-badge")!.TextContent);
        Assert.Contains("Not checked in", page.QuerySelector("#delegate-badge")!.TextContent);
        Assert.Contains("KQ 310", page.QuerySelector("#delegate-travel")!.TextContent);
        Assert.Contains("Hotel Lumière", page.QuerySelector("#delegate-travel")!.TextContent);
        var seat = page.QuerySelector($"#delegate-seats tr[data-breakout='{breakout.Id}']")!;
        Assert.Contains("Hotlines and reporting", seat.TextContent);
        Assert.Contains("Confirmed", seat.TextContent);

        // Every letter about her, each once and sent; the message links to its page; nobody else's letters.
        var letters = page.QuerySelectorAll("#delegate-letters tbody tr");
        Assert.Equal(
            new[] { NotificationKinds.BookingConfirmed, NotificationKinds.DelegateMessage, NotificationKinds.RegistrationDecision, NotificationKinds.RegistrationReceived }.Order(),
            letters.Select(l => l.GetAttribute("data-kind")!).Order());
        Assert.All(letters, l => Assert.DoesNotContain("Waiting to be sent", l.QuerySelector(".delivery")!.TextContent));
        var message = letters.Single(l => l.GetAttribute("data-kind") == NotificationKinds.DelegateMessage);
        Assert.Contains("Message from the organisers: Shuttle times", message.TextContent);
        var messageId = await app.WithDbAsync(db => db.DelegateMessages.Where(m => m.SummitId == summit.Id).Select(m => m.Id).SingleAsync());
        Assert.Equal($"/Registration/Manage/Message/{summit.Id}/{messageId}", message.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Seat confirmed", letters.Single(l => l.GetAttribute("data-kind") == NotificationKinds.BookingConfirmed).TextContent);

        // "I never received it": the decision letter sent again, once, and said in her history.
        int Decisions() => app.SentMail().Count(m => m.To.Mailboxes.Any(a => a.Address == amina.Email) && (m.Subject ?? "").StartsWith("Registration approved", StringComparison.Ordinal));
        Assert.Equal(1, Decisions());
        var (_, resent) = await organiser.SubmitAndFollowAsync(page, $"#delegate-letters tr[data-kind='{NotificationKinds.RegistrationDecision}'] form");
        Assert.Contains("The letter will be sent again, as it reads now.", resent.QuerySelector("main")!.TextContent);
        await app.WaitForAllMailAsync();
        Assert.Equal(2, Decisions());
        page = await organiser.GetPageAsync(link);
        Assert.Equal(2, page.QuerySelectorAll($"#delegate-letters tr[data-kind='{NotificationKinds.RegistrationDecision}']").Length);

        // Her history: registered, approved, her seat, the letter sent again; not the other delegate's.
        var history = page.QuerySelectorAll("#delegate-history tbody tr").Select(row => row.GetAttribute("data-action")).ToList();
        Assert.Contains("registration.created", history);
        Assert.Contains("registration.approved", history);
        Assert.Contains(history, a => a!.StartsWith("booking.", StringComparison.Ordinal));
        Assert.Contains("letter.resent", history);
        Assert.DoesNotContain("Omar Other", page.QuerySelector("main")!.TextContent);

        // And from the message's recipients, the breakout's attendees and the needs summary.
        var recipients = await organiser.GetPageAsync($"/Registration/Manage/Message/{summit.Id}/{messageId}");
        Assert.Equal(link, recipients.QuerySelector($"#message-recipients tr[data-registration='{registration.Id}'] a")!.GetAttribute("href"));
        var attendees = await organiser.GetPageAsync($"/Breakouts/Manage/Attendees/{breakout.Id}");
        Assert.Contains(link, attendees.QuerySelectorAll("#confirmed-table td.name a").Select(a => a.GetAttribute("href")));
        var needs = await organiser.GetPageAsync($"/Registration/Manage/Needs/{summit.Id}");
        Assert.Equal(link, needs.QuerySelector($"#needs-people tr[data-id='{registration.Id}'] a")!.GetAttribute("href"));

        // Organisers only; a registration of another summit, or none, is not found.
        var elsewhere = await app.CreateOpenSummitAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync($"/Registration/Manage/Delegate/{elsewhere.Id}/{registration.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync($"/Registration/Manage/Delegate/{summit.Id}/424242")).StatusCode);
        using var delegateClient = await app.LogInAsync(other);
        var denied = await delegateClient.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_record_lists_the_letters_to_the_delegates_account_about_that_summit_and_no_one_elses()
    {
        // Summit A: a published statement (a reporting cycle on it) and a draft going under consultation; summit B: another.
        var endorser = await app.OrganisationAsync(Sector.Government);
        var published = await app.PublishedStatementAsync([endorser]);
        var summitA = published.SummitId;
        var (consultedA, _) = await app.CreateStatementAsync(summitA, StatementStatus.Draft, SigningData.TextForAll, "Consulted in A");
        var (summitB, consultedB) = await app.StatementAsync(StatementStatus.Draft);
        var (amina, registrationA) = await app.ApprovedDelegateAsync(summitA, "Amina Letters");
        var (omar, registrationO) = await app.ApprovedDelegateAsync(summitA, "Omar Letters");
        var registrationB = await app.RegisterAsync(amina, summitB, registrationA.OrganisationId!.Value);
        Assert.True((await app.DecideAsync(registrationB.Id, RegistrationStatus.Approved)).Succeeded);

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        foreach (var id in new[] { consultedA.Id, consultedB })
        {
            var edit = await organiser.GetPageAsync($"/Statements/Manage/Edit/{id}");
            var (_, moved) = await organiser.SubmitAndFollowAsync(edit, "#status-form", submitter: "#move-Consultation");
            Assert.Equal("In consultation", moved.QuerySelector("#statement-status")!.TextContent.Trim());
        }
        foreach (var user in new[] { amina, omar })
        {
            await app.EnableTwoFactorAsync(user);
            Assert.True((await app.GrantAsync(user, endorser.Id)).Succeeded);
        }
        var cycle = await app.CycleAsync(summitA, [published.Id]);
        using (var scope = app.Services.CreateScope())
            foreach (var user in new[] { amina, omar })
            {
                var granted = await scope.ServiceProvider.GetRequiredService<ReportingDesk>().GrantFocalPointAsync(user.Id, endorser.Id, new AuditActor(null, "Test organiser"));
                Assert.True(granted.Succeeded, granted.Message);
            }
        Assert.Equal(2, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKinds.ReportingInvitation
            && db.ReportInvitations.Any(i => i.Id == n.SubjectId && i.CycleId == cycle.Id))));

        async Task<List<string>> KindsAsync(int summitId, int registrationId) =>
            (await organiser.GetPageAsync($"/Registration/Manage/Delegate/{summitId}/{registrationId}"))
                .QuerySelectorAll("#delegate-letters tbody tr").Select(r => r.GetAttribute("data-kind")!)
                // An invitation to sign a statement of another test that opens meanwhile (the signing sweep's, on its own
                // time) belongs to her signing authority too: not what this test is about.
                .Where(kind => kind != NotificationKinds.SigningInvitation).Order().ToList();

        // Her record in A: A's consultation notice (not B's, not Omar's), her signing grant and her invitation to report.
        string[] registration = [NotificationKinds.RegistrationDecision, NotificationKinds.RegistrationReceived];
        Assert.Equal(registration.Concat([NotificationKinds.ConsultationOpened, NotificationKinds.SigningGranted, NotificationKinds.ReportingInvitation]).Order(),
            await KindsAsync(summitA, registrationA.Id));
        Assert.Equal(registration.Concat([NotificationKinds.ConsultationOpened, NotificationKinds.SigningGranted, NotificationKinds.ReportingInvitation]).Order(),
            await KindsAsync(summitA, registrationO.Id));
        // In B: B's consultation notice and her signing grant (it belongs to no one summit); A's cycle is not B's.
        Assert.Equal(registration.Concat([NotificationKinds.ConsultationOpened, NotificationKinds.SigningGranted]).Order(),
            await KindsAsync(summitB, registrationB.Id));

        // Each is hers: the consultation letter listed in A is the one for A's statement and to her.
        var listed = await app.WithDbAsync(async db =>
            await LettersAbout.Registration(db, registrationA.Id).AsNoTracking().Where(n => n.Kind == NotificationKinds.ConsultationOpened).SingleAsync());
        Assert.Equal((consultedA.Id, amina.Id), (listed.SubjectId, listed.RecipientUserId));
    }
}
