using Microsoft.Extensions.DependencyInjection;
using WeProtect.Summit.Data.Accounts;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Summits;

namespace WeProtect.Summit.Tests.Support;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also a test namespace

/// <summary>Test data made through the app's own services, for tests whose subject is something else.</summary>
public static class SummitData
{
    /// <summary>An open summit whose registration window is open now (Europe/London, in 60 days).</summary>
    public static Task<Data.Summits.Summit> CreateOpenSummitAsync(this SummitAppFactory app, int capacity = 400, string? name = null) =>
        app.WithDbAsync(async db =>
        {
            var summit = SampleSummit.Create(DateTime.UtcNow);
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
            Position = "Director", Category = category, IsMinister = minister, ConsentToPublicList = consent,
        };
        var result = await desk.RegisterAsync(registration, new AuditActor(user.Id, user.FullName));
        Assert.True(result.Succeeded, result.Message);
        return registration;
    }

    /// <summary>An organiser's decision, made through RegistrationDesk.</summary>
    public static async Task<RegistrationDesk.Result> DecideAsync(this SummitAppFactory app, int registrationId, RegistrationStatus decision, string? reason = null)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RegistrationDesk>()
            .DecideAsync(registrationId, decision, reason, new AuditActor(null, "Test organiser"));
    }

    /// <summary>Waits (up to 20 s) for the background jobs to write a message matching <paramref name="match"/>.</summary>
    public static async Task<MimeKit.MimeMessage> WaitForMailAsync(this SummitAppFactory app, Func<MimeKit.MimeMessage, bool> match)
    {
        for (var waited = 0; waited < 20_000; waited += 100)
        {
            if (app.SentMail().FirstOrDefault(match) is { } found) return found;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("The expected e-mail was not written within 20 s");
    }
}
