using System.Globalization;
using System.Resources;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Web.Accounts;

namespace WeProtect.Summit.Tests.Accounts;

/// <summary>The step-up before signing, withdrawing and submitting says what it refuses in whole sentences, one per act,
/// so that each language says the act with its own grammar: two-step verification turned off after the page was
/// opened, and an account locked by wrong codes.</summary>
public sealed class StepUpTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static readonly ResourceManager Resources = new("WeProtect.Summit.Web.Localization.SharedResource", typeof(Program).Assembly);

    private async Task<DeskText?> AskAsync(string userId, string code, StepUpAct act)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AuthenticatorStepUp>().VerifyAsync(userId, code, act, CancellationToken.None);
    }

    private static string French(DeskText text) =>
        text.Render((template, values) => string.Format(CultureInfo.GetCultureInfo("fr"), Resources.GetString(template, CultureInfo.GetCultureInfo("fr"))
            ?? throw new Xunit.Sdk.XunitException($"no French for \"{template}\""), values));

    [Fact]
    public async Task Without_two_step_verification_each_act_is_named_in_its_own_sentence_and_language()
    {
        var user = await app.CreateUserAsync();
        var said = new Dictionary<StepUpAct, string>();
        foreach (var act in Enum.GetValues<StepUpAct>())
            said[act] = (await AskAsync(user.Id, "123456", act))!.ToString();
        Assert.Equal("Turn on two-step verification before signing.", said[StepUpAct.Signing]);
        Assert.Equal("Turn on two-step verification before withdrawing an endorsement.", said[StepUpAct.Withdrawing]);
        Assert.Equal("Turn on two-step verification before submitting.", said[StepUpAct.Submitting]);
        Assert.Equal("Activez la vérification en deux étapes avant de retirer une approbation.",
            French((await AskAsync(user.Id, "123456", StepUpAct.Withdrawing))!));
        // A code that is not six digits is answered first, whoever asks.
        Assert.Equal("Enter the six-digit code your authenticator app shows now.", (await AskAsync(user.Id, "12 34", StepUpAct.Signing))!.ToString());
    }

    [Fact]
    public async Task A_locked_account_is_told_which_act_is_locked_and_its_right_code_is_not_used_up()
    {
        var organisation = await app.CreateOrganisationAsync();
        var signatory = await app.SignatoryAsync(organisation.Id, "Locked Signer");
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == signatory.User.Id);
            user.LockoutEnd = app.Clock.GetUtcNow().AddMinutes(10);
            await db.SaveChangesAsync();
        });
        var code = app.TotpCode(signatory.Key, TimeSpan.FromSeconds(30));

        var locked = await AskAsync(signatory.User.Id, code, StepUpAct.Signing);
        Assert.Equal("Too many wrong codes: signing is locked for a while. Try again later.", locked!.ToString());
        Assert.Equal("Trop de codes erronés : la signature est bloquée pendant un moment. Réessayez plus tard.", French(locked));
        Assert.Equal("Too many wrong codes: withdrawing an endorsement is locked for a while. Try again later.",
            (await AskAsync(signatory.User.Id, code, StepUpAct.Withdrawing))!.ToString());

        // Once the lock-out ends, the same code is still fresh: a locked request did not claim it.
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == signatory.User.Id);
            user.LockoutEnd = null;
            await db.SaveChangesAsync();
        });
        Assert.Null(await AskAsync(signatory.User.Id, code, StepUpAct.Submitting));
    }
}
