using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Signing;

internal static class DirectSigning
{
    /// <summary>An endorsement made through EndorsementDesk by a new signatory (two-factor on, granted), with the
    /// step-up already passed: for tests whose subject is what happens after signatures.</summary>
    public static async Task<Endorsement> EndorseAsync(this SummitAppFactory app, Statement statement, StatementVersion final, Organisation organisation,
        string printedName = "A Signatory")
    {
        var user = await app.CreateUserAsync(fullName: printedName);
        await app.EnableTwoFactorAsync(user);
        var granted = await app.GrantAsync(user, organisation.Id);
        Assert.True(granted.Succeeded, granted.Message);
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<EndorsementDesk>().SignAsync(
            new EndorsementDesk.Signature(statement.Id, organisation.Id, final.ContentHash, printedName, "Minister"),
            user.Id, new AuditActor(user.Id, printedName), _ => Task.FromResult<DeskText?>(null));
        Assert.True(result.Succeeded, result.Message);
        return result.Value!;
    }
}
