using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Retention;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Support;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also a test namespace

/// <summary>Rows with personal data in every field the retention catalogue erases, the clock moved past a summit's
/// retention date, and the daily job run.</summary>
public static class RetentionData
{
    /// <summary>A registration through RegistrationDesk with a position, access needs and protocol details.</summary>
    public static async Task<Registration> DetailedRegistrationAsync(this SummitAppFactory app, SummitUser user, int summitId,
        Organisation organisation, string accessNeeds, ProtocolDetails? protocol = null)
    {
        using var scope = app.Services.CreateScope();
        var registration = new Registration
        {
            SummitId = summitId, UserId = user.Id, OrganisationId = organisation.Id, FullName = user.FullName,
            Position = "Director of Online Safety", Category = DelegateCategory.Delegate, ConsentToPublicList = true, AccessNeeds = accessNeeds,
        };
        // Rank and titles are set by organisers or focal points in the app; here straight on the row.
        if (protocol is not null) registration.SetProtocol(protocol);
        var result = await scope.ServiceProvider.GetRequiredService<RegistrationDesk>().RegisterAsync(registration, new AuditActor(user.Id, user.FullName));
        Assert.True(result.Succeeded, result.Message);
        app.PersonalValues.Add(accessNeeds);
        return registration;
    }

    /// <summary>The instant the summit's personal data falls due for erasure, as the desk computes it.</summary>
    public static Task<DateTime> ErasureDueAsync(this SummitAppFactory app, int summitId) => app.WithDbAsync(async db =>
    {
        var summit = await db.Summits.AsNoTracking().SingleAsync(s => s.Id == summitId);
        var retention = await db.SummitRetentions.AsNoTracking().FirstOrDefaultAsync(r => r.SummitId == summitId);
        return SummitRetention.ErasureDueUtc(summit, retention);
    });

    /// <summary>Moves the app's clock to <paramref name="by"/> after the summit's erasure is due (negative: before).</summary>
    public static async Task MoveToErasureAsync(this SummitAppFactory app, int summitId, TimeSpan by)
    {
        var target = await app.ErasureDueAsync(summitId) + by;
        if (target > app.UtcNow) app.Clock.SetUtcNow(new DateTimeOffset(target, TimeSpan.Zero));
    }

    /// <summary>Runs the daily retention job once, as Hangfire would; answers how many summits it erased.</summary>
    public static async Task<int> RunRetentionAsync(this SummitAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync(CancellationToken.None);
    }

    /// <summary>Waits (up to 60 s) until no notification is waiting to be sent, so that the pick-up folder is complete.</summary>
    public static async Task WaitForAllMailAsync(this SummitAppFactory app)
    {
        for (var waited = 0; waited < 60_000; waited += 100)
        {
            if (!await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.SentUtc == null && n.FailedUtc == null))) return;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("Notifications were still unsent after 60 s");
    }

    /// <summary>The app's own audit trail (with its MAC keys) verified from the first row.</summary>
    public static async Task<AuditVerification> VerifyAuditAsync(this SummitAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync();
    }
}
