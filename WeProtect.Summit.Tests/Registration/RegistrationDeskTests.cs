using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Tests.Registration;

/// <summary>The desk's rules on capacity, quotas, waiting list and check-in, against the real database.</summary>
public class RegistrationDeskTests : IClassFixture<SummitAppFactory>
{
    private readonly SummitAppFactory app;

    public RegistrationDeskTests(SummitAppFactory app) => this.app = app;

    [Fact]
    public async Task Parallel_approvals_of_the_last_place_let_exactly_one_through()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 1);
        var organisation = await app.CreateOrganisationAsync();
        var registrations = new List<Data.Registrations.Registration>();
        for (var i = 0; i < 8; i++)
            registrations.Add(await app.RegisterAsync(await app.CreateUserAsync(), summit.Id, organisation.Id));

        var results = await Task.WhenAll(registrations.Select(r => Task.Run(() => app.DecideAsync(r.Id, RegistrationStatus.Approved))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(DeskRefusal.SummitFull, r.Refusal));
        var (approved, count) = await app.WithDbAsync(async db => (
            await db.Registrations.CountAsync(r => r.SummitId == summit.Id && r.Status == RegistrationStatus.Approved),
            await db.Summits.Where(s => s.Id == summit.Id).Select(s => s.ApprovedCount).SingleAsync()));
        Assert.Equal(1, approved);
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task A_cancelled_place_goes_to_the_first_waitlisted_delegate_who_is_told_by_email()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 1);
        var organisation = await app.CreateOrganisationAsync();
        var holder = await app.CreateUserAsync();
        var first = await app.CreateUserAsync(fullName: "First Waiting");
        var second = await app.CreateUserAsync(fullName: "Second Waiting");
        var held = await app.RegisterAsync(holder, summit.Id, organisation.Id);
        var firstWaiting = await app.RegisterAsync(first, summit.Id, organisation.Id);
        var secondWaiting = await app.RegisterAsync(second, summit.Id, organisation.Id);
        Assert.True((await app.DecideAsync(held.Id, RegistrationStatus.Approved)).Succeeded);
        Assert.True((await app.DecideAsync(firstWaiting.Id, RegistrationStatus.Waitlisted)).Succeeded);
        Assert.True((await app.DecideAsync(secondWaiting.Id, RegistrationStatus.Waitlisted)).Succeeded);

        using (var scope = app.Services.CreateScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<RegistrationDesk>();
            Assert.Equal(DeskAnswer.NotFound, (await desk.CancelAsync(held.Id, first.Id, new AuditActor(first.Id, "x"))).Answer);
            Assert.True((await desk.CancelAsync(held.Id, holder.Id, new AuditActor(holder.Id, holder.FullName))).Succeeded);
        }

        var statuses = await app.WithDbAsync(db => db.Registrations.Where(r => r.SummitId == summit.Id)
            .ToDictionaryAsync(r => r.Id, r => r.Status));
        Assert.Equal(RegistrationStatus.Cancelled, statuses[held.Id]);
        Assert.Equal(RegistrationStatus.Approved, statuses[firstWaiting.Id]);
        Assert.Equal(RegistrationStatus.Waitlisted, statuses[secondWaiting.Id]);
        var mail = await app.WaitForMailAsync(m => (m.Subject ?? "").StartsWith("A place is yours") && m.To.ToString().Contains(first.Email!));
        Assert.Contains(summit.Name, mail.TextBody);
    }

    [Fact]
    public async Task A_delegation_quota_holds_even_when_the_summit_has_room()
    {
        var summit = await app.CreateOpenSummitAsync(capacity: 50);
        var organisation = await app.CreateOrganisationAsync();
        await app.WithDbAsync(async db =>
        {
            db.DelegationQuotas.Add(new DelegationQuota { SummitId = summit.Id, OrganisationId = organisation.Id, HeadsOfDelegation = 1, Delegates = 1 });
            await db.SaveChangesAsync();
        });
        var head1 = await app.RegisterAsync(await app.CreateUserAsync(), summit.Id, organisation.Id, DelegateCategory.HeadOfDelegation);
        var head2 = await app.RegisterAsync(await app.CreateUserAsync(), summit.Id, organisation.Id, DelegateCategory.HeadOfDelegation);
        var observer = await app.RegisterAsync(await app.CreateUserAsync(), summit.Id, organisation.Id, DelegateCategory.Observer);

        Assert.True((await app.DecideAsync(head1.Id, RegistrationStatus.Approved)).Succeeded);
        Assert.Equal(DeskRefusal.QuotaFull, (await app.DecideAsync(head2.Id, RegistrationStatus.Approved)).Refusal);
        Assert.True((await app.DecideAsync(observer.Id, RegistrationStatus.Approved)).Succeeded); // observers are outside the quota
        Assert.Equal(2, await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summit.Id).Select(s => s.ApprovedCount).SingleAsync()));
    }

    [Fact]
    public async Task Parallel_approvals_for_the_last_places_of_a_delegation_quota_let_exactly_the_quota_through()
    {
        // Room in the summit, not in the quota: only the quota's conditional update stands between the racers and an
        // over-full delegation.
        var summit = await app.CreateOpenSummitAsync(capacity: 50);
        var organisation = await app.CreateOrganisationAsync();
        await app.WithDbAsync(async db =>
        {
            db.DelegationQuotas.Add(new DelegationQuota { SummitId = summit.Id, OrganisationId = organisation.Id, HeadsOfDelegation = 1, Delegates = 3 });
            await db.SaveChangesAsync();
        });
        var registrations = new List<Data.Registrations.Registration>();
        for (var i = 0; i < 12; i++)
            registrations.Add(await app.RegisterAsync(await app.CreateUserAsync(), summit.Id, organisation.Id,
                i % 3 == 0 ? DelegateCategory.HeadOfDelegation : DelegateCategory.Delegate));

        var results = await Task.WhenAll(registrations.Select(r => Task.Run(() => app.DecideAsync(r.Id, RegistrationStatus.Approved))));

        Assert.Equal(4, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(DeskRefusal.QuotaFull, r.Refusal));
        var approved = await app.WithDbAsync(db => db.Registrations.Where(r => r.SummitId == summit.Id && r.Status == RegistrationStatus.Approved)
            .Select(r => r.Category).ToListAsync());
        Assert.Equal(1, approved.Count(c => c == DelegateCategory.HeadOfDelegation));
        Assert.Equal(3, approved.Count(c => c == DelegateCategory.Delegate));
        var quota = await app.WithDbAsync(db => db.DelegationQuotas.AsNoTracking().SingleAsync(q => q.SummitId == summit.Id && q.OrganisationId == organisation.Id));
        Assert.Equal((1, 3), (quota.ApprovedHeads, quota.ApprovedDelegates));
        Assert.Equal(4, await app.WithDbAsync(db => db.Summits.Where(s => s.Id == summit.Id).Select(s => s.ApprovedCount).SingleAsync()));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_check_in_happens_once()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var registration = await app.RegisterAsync(await app.CreateUserAsync(), summit.Id, organisation.Id);
        Assert.Equal(DeskRefusal.NotAllowed, (await app.DecideAsync(registration.Id, RegistrationStatus.Rejected)).Refusal);

        using var scope = app.Services.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<BadgeDesk>();
        var actor = new AuditActor(null, "Door");
        Assert.Equal(BadgeDesk.CheckInOutcome.NotApproved, (await desk.CheckInAsync(summit.Id, registration.BadgeCode, actor)).Outcome);
        Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
        Assert.Equal(BadgeDesk.CheckInOutcome.CheckedIn, (await desk.CheckInAsync(summit.Id, registration.BadgeCode, actor)).Outcome);
        var again = await desk.CheckInAsync(summit.Id, " " + registration.BadgeCode + " ", actor);
        Assert.Equal(BadgeDesk.CheckInOutcome.AlreadyCheckedIn, again.Outcome);
        Assert.NotNull(again.Registration!.CheckedInUtc);
        Assert.Equal(BadgeDesk.CheckInOutcome.NotABadgeCode, (await desk.CheckInAsync(summit.Id, "not-a-code", actor)).Outcome);
        Assert.Equal(BadgeDesk.CheckInOutcome.Unknown, (await desk.CheckInAsync(summit.Id + 1000, registration.BadgeCode, actor)).Outcome);
        Assert.Equal(registration.BadgeCode, BadgeCodes.Normalise(registration.BadgeCode));
    }
}
