using System.Globalization;
using System.Text.Json;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Retention;

namespace WeProtect.Summit.Tests.Retention;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also a test namespace

/// <summary>The daily job, with the clock moved past a summit's retention date: exactly the catalogue's data erased,
/// the attendance figures unchanged, the audit chain intact, the pick-up folder's copies gone, a second run a no-op.</summary>
public class RetentionSweepTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static readonly string[] FigureSelectors = ["#attendance-headline", "#attendance-figures", "#chart-sector", "#chart-category", "#countries-table"];

    private static async Task<string> FiguresAsync(FormClient organiser, int summitId)
    {
        var page = await organiser.GetPageAsync($"/Registration/Manage/Dashboard/{summitId}");
        return string.Join("\n", FigureSelectors.Select(s => page.QuerySelector(s)?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"{s} is missing")));
    }

    /// <summary>Every row of the summit the catalogue touches, as text, to compare two runs.</summary>
    private Task<string> SnapshotAsync(int summitId) => app.WithDbAsync(async db => JsonSerializer.Serialize(new object[]
    {
        await db.Registrations.AsNoTracking().Where(r => r.SummitId == summitId).OrderBy(r => r.Id).ToListAsync(),
        await db.Nominations.AsNoTracking().Where(n => n.SummitId == summitId).OrderBy(n => n.Id).Select(n => new { n.Id, n.Email, n.NormalisedEmail, n.Title, n.Honorific }).ToListAsync(),
        await db.Invitations.AsNoTracking().Where(i => i.SummitId == summitId).OrderBy(i => i.Id).Select(i => new { i.Id, i.Email, i.NormalisedEmail }).ToListAsync(),
        await db.DelegateMessages.AsNoTracking().Where(m => m.SummitId == summitId).OrderBy(m => m.Id).ToListAsync(),
        await db.SummitRetentions.AsNoTracking().Where(r => r.SummitId == summitId).ToListAsync(),
        await db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync(),
        await db.AuditEvents.CountAsync(),
    }, new JsonSerializerOptions { ReferenceHandler = System.Text.Json.Serialization.ReferenceHandler.IgnoreCycles }));

    [Fact]
    public async Task Past_the_retention_date_the_job_erases_exactly_the_catalogue_keeps_the_figures_and_the_chain_and_a_second_run_changes_nothing()
    {
        var summit = await app.CreateOpenSummitAsync();
        var kenya = await app.CreateOrganisationAsync($"Government {Guid.NewGuid():N}"[..20], Sector.Government, "KE");
        var britain = await app.CreateOrganisationAsync($"Government {Guid.NewGuid():N}"[..20], Sector.Government, "GB");
        var company = await app.CreateOrganisationAsync($"Company {Guid.NewGuid():N}"[..17], Sector.PrivateSector, "US");
        var amina = await app.CreateUserAsync(fullName: "Amina Wanjiru");
        var brian = await app.CreateUserAsync(fullName: "Brian Hollis");
        var chen = await app.CreateUserAsync(fullName: "Chen Wei");
        var minister = await app.DetailedRegistrationAsync(amina, summit.Id, kenya, "Wheelchair access; halal meals",
            new ProtocolDetails("Cabinet Secretary", "H.E.", ProtocolRank.Minister, 1));
        var delegate_ = await app.DetailedRegistrationAsync(brian, summit.Id, britain, "Vegetarian");
        var rejected = await app.RegisterAsync(chen, summit.Id, company.Id);
        Assert.True((await app.DecideAsync(minister.Id, RegistrationStatus.Approved)).Succeeded);
        Assert.True((await app.DecideAsync(delegate_.Id, RegistrationStatus.Approved)).Succeeded);
        Assert.True((await app.DecideAsync(rejected.Id, RegistrationStatus.Rejected, "Not a member of the Alliance")).Succeeded);
        var (invitation, focal) = await app.AcceptedInvitationAsync(summit.Id, heads: 1, delegates: 2);
        var nominee = $"nominee-{Guid.NewGuid():N}@example.org";
        app.PersonalValues.Add(nominee);
        Assert.True((await app.NominateAsync(invitation, focal, nominee, DelegateCategory.Delegate, new ProtocolDetails("Dr", "Prof.", ProtocolRank.Official, 2))).Succeeded);
        // Accreditation (document and photo), travel, ticked needs and an answer: rows of their own, erased whole.
        var question = await app.AddQuestionAsync(summit.Id, Data.Questions.QuestionKind.ShortText, "Name on the badge", required: false);
        await app.WithDbAsync(async db =>
        {
            var now = app.UtcNow;
            var summitRow = await db.Summits.SingleAsync(s => s.Id == summit.Id);
            var registration = await db.Registrations.Include(r => r.Needs).Include(r => r.Answers).SingleAsync(r => r.Id == minister.Id);
            registration.SetNeeds([Data.Questions.Need.WheelchairAccess]);
            Assert.Null(registration.Answer(question, ["Amina W."], now));
            var accreditation = new Data.Accreditations.Accreditation(minister.Id, now);
            accreditation.SetDocument("KE", "protected-number", summitRow.EndDate.AddYears(5), now);
            accreditation.SetPhoto([0xFF, 0xD8, 0xFF, 0xD9], now);
            db.Accreditations.Add(accreditation);
            var travel = Data.Questions.TravelDetails.For(minister.Id);
            var arrival = summitRow.StartDate.ToDateTime(new TimeOnly(9, 0));
            Assert.Empty(travel.Set(new Data.Questions.TravelPlan(arrival, "KQ 100", arrival.AddDays(2), "KQ 101", "Hotel Amina"), summitRow, now));
            db.TravelDetails.Add(travel);
            db.VisaLetters.Add(new Data.Accreditations.VisaLetter(minister.Id, summit.Id, amina.Id, now));
            // A reminder with the organisers' own note.
            (await db.Invitations.SingleAsync(i => i.Id == invitation.Id)).Reminded(now, "Amina, please call +254 700 000 000");
            await db.SaveChangesAsync();
            // A letter that failed for good (set directly, not through five attempts of the job): its error may quote the document.
            await db.VisaLetters.Where(v => v.RegistrationId == minister.Id).ExecuteUpdateAsync(u => u
                .SetProperty(v => v.Status, Data.Accreditations.VisaLetterStatus.Failed)
                .SetProperty(v => v.LastError, "Could not draw passport protected-number for Amina Wanjiru"));
        });
        async Task<int[]> NewRowsAsync() => await app.WithDbAsync(async db => new[]
        {
            await db.Accreditations.CountAsync(a => a.RegistrationId == minister.Id),
            await db.TravelDetails.CountAsync(t => t.RegistrationId == minister.Id),
            await db.RegistrationNeeds.CountAsync(n => n.RegistrationId == minister.Id),
            await db.RegistrationAnswers.CountAsync(a => a.RegistrationId == minister.Id),
        });
        Assert.Equal(new[] { 1, 1, 1, 1 }, await NewRowsAsync());
        using (var scope = app.Services.CreateScope())
        {
            var sent = await scope.ServiceProvider.GetRequiredService<Data.Messages.MessageDesk>().SendAsync(summit.Id, Guid.NewGuid(),
                "Your visit, {FullName}", "Dear {FullName}, your driver will meet you at the airport.", "en",
                [new Data.Messages.MessageVersionText("fr", "Votre visite, {FullName}", "Bonjour {FullName}, votre chauffeur vous attendra à l'aéroport.")], new RegistrationFilter(), new AuditActor(null, "Organiser Olga"));
            Assert.True(sent.Succeeded, sent.Message);
        }
        await app.WaitForAllMailAsync();
        Assert.Contains(app.SentMail(), m => m.To.Mailboxes.Any(x => x.Address == amina.Email));
        // Who cancelled a message is an organiser's name (set directly: this one was sent, not scheduled).
        await app.WithDbAsync(db => db.DelegateMessages.Where(m => m.SummitId == summit.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.CancelledByName, "Organiser Olga")));

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var figures = await FiguresAsync(organiser, summit.Id);
        Assert.Contains("2 delegates from 2 countries, 1 of which fields a minister", figures);

        // The day before: nothing happens.
        await app.MoveToErasureAsync(summit.Id, TimeSpan.FromMinutes(-1));
        await app.RunRetentionAsync();
        Assert.Equal("Amina Wanjiru", await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == minister.Id).Select(r => r.FullName).SingleAsync()));

        await app.MoveToErasureAsync(summit.Id, TimeSpan.FromMinutes(1));
        Assert.True(await app.RunRetentionAsync() >= 1);
        Assert.Equal(new[] { 0, 0, 0, 0 }, await NewRowsAsync());

        var registrations = await app.WithDbAsync(db => db.Registrations.AsNoTracking().Where(r => r.SummitId == summit.Id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(3, registrations.Count);
        foreach (var r in registrations)
        {
            Assert.Equal($"Erased delegate {r.Id}", r.FullName);
            Assert.Equal("", r.Position);
            Assert.Null(r.AccessNeeds);
            Assert.Null(r.Title);
            Assert.Null(r.Honorific);
            Assert.Null(r.DecisionReason);
            Assert.False(r.ConsentToPublicList);
        }
        // What the figures are made of stays.
        var kept = registrations.Single(r => r.Id == minister.Id);
        Assert.True(kept.IsMinister);
        Assert.Equal(ProtocolRank.Minister, kept.Rank);
        Assert.Equal(1, kept.ProtocolOrder);
        Assert.Equal(kenya.Id, kept.OrganisationId);
        Assert.Equal(RegistrationStatus.Approved, kept.Status);
        Assert.Equal(RegistrationStatus.Rejected, registrations.Single(r => r.Id == rejected.Id).Status);

        var nomination = await app.WithDbAsync(db => db.Nominations.AsNoTracking().SingleAsync(n => n.SummitId == summit.Id));
        Assert.Equal($"erased-nomination-{nomination.Id}@erased.invalid", nomination.Email);
        Assert.Null(nomination.Title);
        Assert.Equal(ProtocolRank.Official, nomination.Rank);
        var invited = await app.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.SummitId == summit.Id));
        Assert.Equal($"erased-invitation-{invited.Id}@erased.invalid", invited.Email);
        Assert.Equal(invitation.OrganisationId, invited.OrganisationId);
        Assert.Null(invited.ReminderNote);
        Assert.NotNull(invited.LastRemindedUtc);
        var letterKept = await app.WithDbAsync(db => db.VisaLetters.AsNoTracking().SingleAsync(v => v.RegistrationId == minister.Id));
        Assert.Null(letterKept.LastError);
        Assert.Equal(Data.Accreditations.VisaLetterStatus.Failed, letterKept.Status);
        var message = await app.WithDbAsync(db => db.DelegateMessages.AsNoTracking().SingleAsync(m => m.SummitId == summit.Id));
        Assert.Equal((PersonalDataCatalogue.ErasedText, PersonalDataCatalogue.ErasedText, "", (string?)null),
            (message.Subject, message.Body, message.CreatedByName, message.CancelledByName));
        Assert.True(message.RecipientCount > 0);
        var version = await app.WithDbAsync(db => db.DelegateMessageVersions.AsNoTracking().SingleAsync(v => v.MessageId == message.Id));
        Assert.Equal((PersonalDataCatalogue.ErasedText, PersonalDataCatalogue.ErasedText), (version.Subject, version.Body));

        // Accounts are not the summit's: the focal point's stays as it was.
        Assert.Equal("Focal Point", await app.WithDbAsync(db => db.Users.Where(u => u.Id == focal.Id).Select(u => u.FullName).SingleAsync()));

        // The mail copies of the summit's notifications are gone from the pick-up folder.
        Assert.DoesNotContain(app.SentMail(), m => m.To.Mailboxes.Any(x => x.Address == amina.Email || x.Address == brian.Email || x.Address == nominee));
        Assert.DoesNotContain(app.SentMail(), m => m.TextBody?.Contains("Amina Wanjiru") == true);

        // Sign-in cookies expire by the app's clock, which has moved months: log in again.
        using var later = await app.LoggedInClientAsync(Roles.Organiser);
        Assert.Equal(figures, await FiguresAsync(later, summit.Id));

        var verdict = await app.VerifyAuditAsync();
        Assert.True(verdict.IsIntact, verdict.Problem);
        var retention = await app.WithDbAsync(db => db.SummitRetentions.AsNoTracking().SingleAsync(r => r.SummitId == summit.Id));
        Assert.NotNull(retention.ErasedUtc);
        Assert.NotNull(retention.ErasureRunId);
        var erasedEvent = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .SingleAsync(e => e.Action == "summit.personal-data-erased" && e.SubjectId == summit.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Contains(retention.ErasureRunId!.Value.ToString(), erasedEvent.Summary);
        Assert.DoesNotContain("Amina", erasedEvent.Summary);

        // The second run finds nothing to do, and changes nothing.
        var before = await SnapshotAsync(summit.Id);
        Assert.Equal(0, await app.RunRetentionAsync());
        Assert.Equal(before, await SnapshotAsync(summit.Id));

        var page = await later.GetPageAsync($"/Summits/Manage/Retention/{summit.Id}");
        Assert.Contains("was erased on", page.QuerySelector("#retention-status")!.TextContent);
        Assert.Contains(retention.ErasureRunId.Value.ToString(), page.QuerySelector("#retention-status")!.TextContent);
        Assert.Null(page.QuerySelector("#extend-form"));
    }

    [Fact]
    public async Task A_notification_still_unsent_at_erasure_is_given_up_rather_than_composed_from_erased_rows()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id, "Dora Unsent");
        await app.WaitForAllMailAsync();
        // A notification written but never sent (its job lost), as the sweep would find it.
        var pending = await app.WithDbAsync(async db =>
        {
            var n = new Data.Notifications.Notification { Kind = Data.Notifications.NotificationKinds.RegistrationDecision, SubjectId = registration.Id, CreatedUtc = app.UtcNow, NextAttemptUtc = app.UtcNow.AddYears(1), LastError = $"Mailbox {user.Email} unavailable" };
            db.Notifications.Add(n);
            await db.SaveChangesAsync();
            return n.Id;
        });
        await app.MoveToErasureAsync(summit.Id, TimeSpan.FromHours(1));
        Assert.True(await app.RunRetentionAsync() >= 1);
        var row = await app.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == pending));
        Assert.NotNull(row.FailedUtc);
        Assert.Null(row.SentUtc);
        Assert.Null(row.LastError);
    }
}
