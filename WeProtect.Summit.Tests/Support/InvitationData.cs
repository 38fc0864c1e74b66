using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Invitations;

namespace WeProtect.Summit.Tests.Support;

using WeProtect.Summit.Data.Registrations;

/// <summary>Invitations made through <see cref="InvitationDesk"/>, for tests whose subject is what follows them.</summary>
public static class InvitationData
{
    /// <summary>An accepted invitation of a new organisation (with the given quota, if any) and its focal point.</summary>
    public static async Task<(Invitation Invitation, SummitUser FocalPoint)> AcceptedInvitationAsync(this SummitAppFactory app, int summitId,
        int? heads = null, int? delegates = null)
    {
        var (_, focal, token) = await app.SentInvitationAsync(summitId, heads, delegates);
        using var scope = app.Services.CreateScope();
        var accepted = await scope.ServiceProvider.GetRequiredService<InvitationDesk>().AcceptAsync(token, focal.Id, new AuditActor(focal.Id, focal.FullName));
        Assert.True(accepted.Succeeded, accepted.Message);
        return (accepted.Value!, focal);
    }

    /// <summary>An invitation of a new organisation sent to a new user's address, not yet answered, and its link's token.</summary>
    public static async Task<(Data.Organisations.Organisation Organisation, SummitUser FocalPoint, string Token)> SentInvitationAsync(this SummitAppFactory app,
        int summitId, int? heads = null, int? delegates = null)
    {
        var organisation = await app.CreateOrganisationAsync();
        var focal = await app.CreateUserAsync($"focal-{Guid.NewGuid():N}@example.org", "Focal Point");
        using var scope = app.Services.CreateScope();
        var sent = await scope.ServiceProvider.GetRequiredService<InvitationDesk>()
            .InviteAsync(summitId, [new InvitationRow(0, organisation.Id, focal.Email!, heads, delegates)], null, new AuditActor(null, "Organiser"));
        Assert.True(sent.Succeeded, sent.Message);
        var seed = await app.WithDbAsync(db => db.Invitations.Where(i => i.SummitId == summitId && i.OrganisationId == organisation.Id).Select(i => i.TokenSeed).SingleAsync());
        return (organisation, focal, scope.ServiceProvider.GetRequiredService<InvitationTokens>().Token(InvitationTokens.InvitationPurpose, seed)!);
    }

    /// <summary>A nomination under the invitation, made by its focal point; answers the desk's result.</summary>
    public static async Task<Data.Desks.DeskResult> NominateAsync(this SummitAppFactory app, Invitation invitation, SummitUser focal, string email,
        DelegateCategory category = DelegateCategory.Delegate, ProtocolDetails? protocol = null)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<InvitationDesk>()
            .NominateAsync(invitation.Id, email, category, protocol ?? ProtocolDetails.None, focal.Id, organiser: false, new AuditActor(focal.Id, focal.FullName));
    }

    /// <summary>The link path of a nomination, as its e-mail carries it.</summary>
    public static async Task<string> NominationLinkAsync(this SummitAppFactory app, string email)
    {
        var nomination = await app.WithDbAsync(db => db.Nominations.AsNoTracking().SingleAsync(n => n.NormalisedEmail == EmailAddresses.Normalise(email)));
        var token = app.Services.GetRequiredService<InvitationTokens>().Token(InvitationTokens.NominationPurpose, nomination.TokenSeed)!;
        return $"/Registration/Register/{nomination.SummitId}?nomination={token}";
    }
}
