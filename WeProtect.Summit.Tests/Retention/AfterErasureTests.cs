using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Messages;
using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Retention;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Retention;

/// <summary>After a person's erasure nothing puts their data back or writes to them: the secretariat cannot correct
/// their registration, messages and notices skip them, their badge's reprint reason goes with their data, and their
/// closed account takes no role.</summary>
public class AfterErasureTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static readonly AuditActor Organiser = new(null, "Organiser");

    [Fact]
    public async Task Erasure_gives_up_a_place_at_a_full_summit_to_come_to_the_next_on_the_waiting_list_and_keeps_a_past_summits_record()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 1);
        var (erin, erinRegistration) = await app.ApprovedDelegateAsync(summit.Id, "Erin Leaving");
        // She also came to a summit that is over: that record is erased as the rest, not cancelled.
        var past = await app.CreateOpenSummitAsync();
        var attended = await app.RegisterAsync(erin, past.Id, (await app.CreateOrganisationAsync()).Id);
        Assert.True((await app.DecideAsync(attended.Id, RegistrationStatus.Approved)).Succeeded);
        var pastBreakout = await app.CreateBreakoutAsync(past, startHour: 12);
        Assert.Equal(BookingStatus.Confirmed, (await app.BookAsync(pastBreakout.Id, erin)).Booked());
        var lastYear = DateOnly.FromDateTime(app.UtcNow).AddYears(-1);
        await app.WithDbAsync(db => db.Summits.Where(s => s.Id == past.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.StartDate, lastYear).SetProperty(s => s.EndDate, lastYear.AddDays(1))));
        var organisation = await app.CreateOrganisationAsync();
        var waiting = await app.RegisterAsync(await app.CreateUserAsync(fullName: "Next Waiting"), summit.Id, organisation.Id);
        Assert.True((await app.DecideAsync(waiting.Id, RegistrationStatus.Waitlisted)).Succeeded);
        Assert.Equal(RegistrationStatus.Waitlisted, await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == waiting.Id).Select(r => r.Status).SingleAsync()));

        using (var scope = app.Services.CreateScope())
        {
            var erasure = scope.ServiceProvider.GetRequiredService<ErasureDesk>();
            Assert.True((await erasure.RequestAsync(erin.Id)).Succeeded);
            var request = await app.WithDbAsync(db => db.ErasureRequests.AsNoTracking().SingleAsync(r => r.UserId == erin.Id));
            var carried = await erasure.CarryOutAsync(request.Id, new AuditActor(null, "Admin"));
            Assert.True(carried.Succeeded, carried.Message);
        }
        await app.WaitForAllMailAsync();
        Assert.Equal(RegistrationStatus.Cancelled, await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == erinRegistration.Id).Select(r => r.Status).SingleAsync()));
        // The place she held is the next one's, and they are told.
        Assert.Equal(RegistrationStatus.Approved, await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == waiting.Id).Select(r => r.Status).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == Data.Notifications.NotificationKinds.RegistrationPromoted && n.SubjectId == waiting.Id)));
        Assert.Equal(RegistrationStatus.Approved, await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == attended.Id).Select(r => r.Status).SingleAsync()));

        // A notice about a booking she kept there (its breakout cancelled afterwards) is given up, not sent to the erased address.
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<BreakoutDesk>().CancelAsync(past.Id, pastBreakout.Id, null, Organiser)).Succeeded);
        await app.WaitForAllMailAsync();
        var notice = await app.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Kind == Data.Notifications.NotificationKinds.BreakoutCancelled
            && db.Bookings.Any(b => b.Id == n.SubjectId && b.BreakoutId == pastBreakout.Id)));
        Assert.Equal((null, NotificationJob.ErasedRecipient), (notice.SentUtc, notice.LastError));
        Assert.NotNull(notice.FailedUtc);
        Assert.DoesNotContain(app.SentMail(), m => m.To.Mailboxes.Any(a => PersonalDataCatalogue.IsErasedAddress(a.Address)));
    }

    [Fact]
    public async Task An_erased_delegate_is_neither_corrected_nor_written_to_and_their_account_takes_no_role()
    {
        var summit = await app.CreateOpenSummitAsync();
        var breakout = await app.CreateBreakoutAsync(summit, startHour: 12);
        var (erin, erinRegistration) = await app.ApprovedDelegateAsync(summit.Id, "Erin Erased");
        var (_, kept) = await app.ApprovedDelegateAsync(summit.Id, "Kept Delegate");
        Assert.Equal(BookingStatus.Confirmed, (await app.BookAsync(breakout.Id, erin)).Booked());
        // A notice about her registration, written but not yet sent when the erasure is carried out.
        var queuedBefore = await app.WithDbAsync(async db =>
        {
            var written = new Data.Notifications.Notification { Kind = Data.Notifications.NotificationKinds.RegistrationDecision, SubjectId = erinRegistration.Id, CreatedUtc = app.UtcNow };
            db.Notifications.Add(written);
            await db.SaveChangesAsync();
            return written.Id;
        });
        using (var scope = app.Services.CreateScope())
        {
            var badges = scope.ServiceProvider.GetRequiredService<BadgeDesk>();
            Assert.True((await badges.PrintNewAsync(summit.Id, BadgeLayout.A6Single, null, Organiser)).Succeeded);
            Assert.True((await badges.ReprintAsync(summit.Id, erinRegistration.Id, "Erin lost it at the Hilton", BadgeLayout.A6Single, Organiser)).Succeeded);
            Assert.True((await badges.ReprintAsync(summit.Id, kept.Id, "Printer jam", BadgeLayout.A6Single, Organiser)).Succeeded);
            var erasure = scope.ServiceProvider.GetRequiredService<ErasureDesk>();
            Assert.True((await erasure.RequestAsync(erin.Id)).Succeeded);
            var request = await app.WithDbAsync(db => db.ErasureRequests.AsNoTracking().SingleAsync(r => r.UserId == erin.Id));
            var carried = await erasure.CarryOutAsync(request.Id, new AuditActor(null, "Admin"));
            Assert.True(carried.Succeeded, carried.Message);
            // The summit is still to come: her place there is given up with the rest.
            Assert.Contains("1 registration for a summit still to come was cancelled", carried.Message);
        }
        await app.WaitForAllMailAsync();
        Assert.Equal(RegistrationStatus.Cancelled, await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == erinRegistration.Id).Select(r => r.Status).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.Bookings.AnyAsync(b => b.RegistrationId == erinRegistration.Id && b.Status != BookingStatus.Cancelled)));

        // The reprint reason about her is gone; the one about someone else stays.
        var reasons = await app.WithDbAsync(db => db.BadgeBatches.Where(b => b.SummitId == summit.Id && b.Reason != null).Select(b => b.Reason).ToListAsync());
        Assert.Equal(["Printer jam", PersonalDataCatalogue.ErasedText], reasons.Order(StringComparer.Ordinal).ToList());

        // Nothing to correct: no link, no form, and a form opened before is refused (erased, not merely cancelled).
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var record = await organiser.GetPageAsync($"/Registration/Manage/Delegate/{summit.Id}/{erinRegistration.Id}");
        Assert.Null(record.QuerySelector("#correct-details"));
        var correct = await organiser.GetPageAsync($"/Registration/Manage/Correct/{summit.Id}/{erinRegistration.Id}");
        Assert.Contains("has been erased", correct.QuerySelector("#correct-cancelled")!.TextContent);
        Assert.Null(correct.QuerySelector("#correct-form"));
        using (var scope = app.Services.CreateScope())
        {
            var version = await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == erinRegistration.Id).Select(r => r.Version).SingleAsync());
            var refused = await scope.ServiceProvider.GetRequiredService<RegistrationDesk>().CorrectAsync(summit.Id, erinRegistration.Id, version,
                new RegistrationCorrection("Erin Restored", "Minister", [], null), tellDelegate: true, Organiser);
            Assert.False(refused.Succeeded);
            Assert.Contains("has been erased", refused.Message);
        }
        Assert.Equal(PersonalDataCatalogue.ErasedDelegate + erinRegistration.Id,
            await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == erinRegistration.Id).Select(r => r.FullName).SingleAsync()));

        // A message to every approved delegate reaches the one left, and the page counts only them.
        var messages = await organiser.GetPageAsync($"/Registration/Manage/Messages/{summit.Id}?status=Approved");
        Assert.Equal("1 delegate matches this filter.", messages.QuerySelector("#recipient-count")!.TextContent.Trim());
        using (var scope = app.Services.CreateScope())
        {
            var sent = await scope.ServiceProvider.GetRequiredService<MessageDesk>().SendAsync(summit.Id, Guid.NewGuid(), "Venue change", "Dear {FullName}, we moved.",
                "en", [], new RegistrationFilter { Status = RegistrationStatus.Approved }, Organiser);
            Assert.True(sent.Succeeded, sent.Message);
            Assert.Equal(1, sent.Value!.RecipientCount);
            Assert.Equal([kept.Id], await app.WithDbAsync(db => db.DelegateMessageRecipients.Where(r => r.MessageId == sent.Value.Id).Select(r => r.RegistrationId).ToListAsync()));

            // A notice written to her before the erasure was given up by it: the job, run after, sends nothing.
            await scope.ServiceProvider.GetRequiredService<NotificationJob>().SendAsync(queuedBefore, CancellationToken.None);
        }
        await app.WaitForAllMailAsync();
        var notice = await app.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == queuedBefore));
        Assert.Null(notice.SentUtc);
        Assert.NotNull(notice.FailedUtc);
        Assert.DoesNotContain(app.SentMail(), m => m.To.Mailboxes.Any(a => PersonalDataCatalogue.IsErasedAddress(a.Address)));

        // Her closed account is offered no role, and a role posted anyway is refused.
        using var admin = await app.LoggedInClientAsync(Roles.Admin);
        var users = await admin.GetPageAsync("/Admin/Users?q=erased-" + erin.Id);
        var row = users.QuerySelector($"#user-{erin.Id}")!;
        Assert.Contains("erased at its holder's request", row.TextContent);
        Assert.Empty(row.QuerySelectorAll("form.role-form"));
        using (var scope = app.Services.CreateScope())
        {
            var given = await scope.ServiceProvider.GetRequiredService<Data.Accounts.RoleDesk>().ChangeAsync(erin.Id, Roles.Organiser, grant: true, new AuditActor(null, "Admin", Roles.Admin));
            Assert.False(given.Succeeded);
            Assert.Contains("closed for good", given.Message);
        }
        Assert.False(await app.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == erin.Id)));
    }
}
