using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Support;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also a test namespace

/// <summary>A government delegation whose protocol order differs from the order of its names, for the lists that
/// follow protocol order.</summary>
public static class ProtocolData
{
    /// <summary>An organiser's protocol details on a registration, from its version as stored now (InvitationDesk).</summary>
    public static async Task SetProtocolAsync(this SummitAppFactory app, int summitId, int registrationId, ProtocolDetails protocol, AuditActor? actor = null)
    {
        var version = await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registrationId).Select(r => r.Version).SingleAsync());
        using var scope = app.Services.CreateScope();
        var set = await scope.ServiceProvider.GetRequiredService<InvitationDesk>()
            .SetRegistrationProtocolAsync(summitId, registrationId, version, protocol, actor ?? AuditActor.System);
        Assert.True(set.Succeeded, set.Message);
    }

    /// <summary>The approved delegation of "Republic of Senegal …" in its protocol order: the head of delegation (no
    /// rank), a minister (honorific, title, order 2), an ambassador, two senior officials whose orders (1, 2) go against
    /// their names, and a delegate with no rank whose title a spreadsheet would run as a formula.</summary>
    public static async Task<(Organisation Delegation, IReadOnlyList<Registration> InProtocolOrder)> SeededDelegationAsync(this SummitAppFactory app, int summitId)
    {
        var senegal = await app.CreateOrganisationAsync("Republic of Senegal " + Guid.NewGuid().ToString("N")[..6], Sector.Government, "SN");
        async Task<Registration> DelegateAsync(string name, DelegateCategory category, ProtocolDetails? protocol)
        {
            var registration = await app.RegisterAsync(await app.CreateUserAsync(fullName: name), summitId, senegal.Id, category);
            Assert.True((await app.DecideAsync(registration.Id, RegistrationStatus.Approved)).Succeeded);
            if (protocol is not null) await app.SetProtocolAsync(summitId, registration.Id, protocol);
            return registration;
        }
        // Registered in name order, so that neither the order of names nor of ids is the protocol order.
        var awa = await DelegateAsync("Awa Diallo", DelegateCategory.Delegate, new(null, null, ProtocolRank.Ambassador, null));
        var amina = await DelegateAsync("Amina Diallo", DelegateCategory.Delegate, new("Minister of Interior", "H.E. Ms", ProtocolRank.Minister, 2));
        var binta = await DelegateAsync("Binta Sow", DelegateCategory.Delegate, new("=SUM(1+1) Adviser", null, ProtocolRank.None, null));
        var fatou = await DelegateAsync("Fatou Ndiaye", DelegateCategory.Delegate, new(null, null, ProtocolRank.SeniorOfficial, 2));
        var khady = await DelegateAsync("Khady Fall", DelegateCategory.Delegate, new(null, null, ProtocolRank.SeniorOfficial, 1));
        var moussa = await DelegateAsync("Moussa Sarr", DelegateCategory.HeadOfDelegation, null);
        return (senegal, [moussa, amina, awa, khady, fatou, binta]);
    }
}
