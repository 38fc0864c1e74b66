using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Summits;

namespace WeProtect.Summit.Tests.Support;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also a test namespace

/// <summary>Test data made through the app's own services, for tests whose subject is something else.</summary>
public static class SummitData
{
    /// <summary>An open summit whose registration window is open now (the sample summit: Asia/Dubai, in 90 days).</summary>
    public static Task<Data.Summits.Summit> CreateOpenSummitAsync(this SummitAppFactory app, int capacity = 400, string? name = null) =>
        app.WithDbAsync(async db =>
        {
            var summit = SampleSummit.Create(app.UtcNow);
            summit.Name = name ?? $"Summit {Guid.NewGuid():N}";
            summit.DelegateCapacity = capacity;
            summit.MoveTo(SummitStatus.Open);
            db.Summits.Add(summit);
            await db.SaveChangesAsync();
            return summit;
        });

    public static Task<Organisation> CreateOrganisationAsync(this SummitAppFactory app, string? name = null,
        Sector sector = Sector.Government, string? country = "GB") =>
        app.WithDbAsync(async db =>
        {
            var formal = name ?? $"Organisation {Guid.NewGuid():N}";
            var organisation = new Organisation { FormalName = formal, SortName = formal, Sector = sector, CountryCode = sector == Sector.InternationalOrganisation ? null : country };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation;
        });

    /// <summary>A pending registration of <paramref name="user"/>, made through RegistrationDesk.</summary>
    public static async Task<Registration> RegisterAsync(this SummitAppFactory app, SummitUser user, int summitId, int organisationId,
        DelegateCategory category = DelegateCategory.Delegate, bool minister = false, bool consent = true)
    {
        using var scope = app.Services.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<RegistrationDesk>();
        var registration = new Registration
        {
            SummitId = summitId, UserId = user.Id, OrganisationId = organisationId, FullName = user.FullName,
            Position = "Director", Category = category, ConsentToPublicList = consent,
        };
        // Rank is set by organisers or focal points in the app; here straight on the row.
        if (minister) registration.SetProtocol(new Data.Invitations.ProtocolDetails(null, null, Data.Invitations.ProtocolRank.Minister, null));
        var result = await desk.RegisterAsync(registration, new AuditActor(user.Id, user.FullName));
        Assert.True(result.Succeeded, result.Message);
        return registration;
    }

    /// <summary>An organiser's decision, made through RegistrationDesk.</summary>
    public static async Task<DeskResult> DecideAsync(this SummitAppFactory app, int registrationId, RegistrationStatus decision, string? reason = null)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RegistrationDesk>()
            .DecideAsync(registrationId, decision, reason, new AuditActor(null, "Test organiser"));
    }

    /// <summary>A confirmed user with an approved registration for the summit.</summary>
    public static async Task<(SummitUser User, Registration Registration)> ApprovedDelegateAsync(this SummitAppFactory app, int summitId,
        string fullName = "Test Delegate")
    {
        var organisation = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(fullName: fullName);
        var registration = await app.RegisterAsync(user, summitId, organisation.Id);
        var decided = await app.DecideAsync(registration.Id, RegistrationStatus.Approved);
        Assert.True(decided.Succeeded, decided.Message);
        return (user, registration);
    }

    /// <summary>A breakout on the summit's first day, <paramref name="startHour"/>:00 local time, for an hour, in a
    /// room of its own (unless <paramref name="roomId"/> is given).</summary>
    public static Task<Data.Breakouts.Breakout> CreateBreakoutAsync(this SummitAppFactory app, Data.Summits.Summit summit, int capacity = 30,
        int startHour = 10, int? roomId = null, string? title = null) =>
        app.WithDbAsync(async db =>
        {
            var room = roomId is { } id ? await db.Rooms.FindAsync(id) : null;
            if (room is null)
            {
                room = new Data.Breakouts.Room { SummitId = summit.Id, Name = $"Room {Guid.NewGuid():N}"[..12], Capacity = Math.Max(capacity, 100) };
                db.Rooms.Add(room);
            }
            var start = SummitClock.ToUtc(summit.StartDate.ToDateTime(new TimeOnly(startHour, 0)), summit.Zone).Utc;
            var breakout = new Data.Breakouts.Breakout
            {
                SummitId = summit.Id, Room = room, Title = title ?? $"Breakout {Guid.NewGuid():N}"[..16],
                StartUtc = start, EndUtc = start.AddHours(1), Capacity = capacity,
            };
            db.Breakouts.Add(breakout);
            await db.SaveChangesAsync();
            return breakout;
        });

    /// <summary>Waits (up to 60 s, room for a busy CI machine) for the background jobs to write a message matching <paramref name="match"/>.</summary>
    public static async Task<MimeKit.MimeMessage> WaitForMailAsync(this SummitAppFactory app, Func<MimeKit.MimeMessage, bool> match)
    {
        for (var waited = 0; waited < 60_000; waited += 100)
        {
            if (app.SentMail().FirstOrDefault(match) is { } found) return found;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("The expected e-mail was not written within 60 s");
    }
}
