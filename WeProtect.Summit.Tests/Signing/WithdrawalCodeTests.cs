using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Signing;

/// <summary>Withdrawing an endorsement needs a fresh authenticator code, as signing does (the same step-up, a code
/// accepted once per user): without one, with a wrong one, or with the one that signed, nothing is withdrawn and the
/// page says why, keeping the reason typed.</summary>
public sealed class WithdrawalCodeTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private const string Reason = "Signed before the cabinet cleared it";

    /// <summary>A statement signed through the page by a new signatory with the current step's code; the signatory's
    /// page afterwards, with its withdraw form.</summary>
    private async Task<(Statement Statement, SignedInSignatory Signatory, string SigningCode, IHtmlDocument Page)> SignedAsync()
    {
        var organisation = await app.OrganisationAsync();
        var (statement, _) = await app.OpenStatementAsync();
        var signatory = await app.SignatoryAsync(organisation.Id, "Withdrawing Signer");
        var url = SigningData.SignUrl(statement.Id, organisation.Id);
        var code = app.TotpCode(signatory.Key);
        Assert.Equal(HttpStatusCode.Redirect, (await signatory.Client.SignAsync(await signatory.Client.GetPageAsync(url), code)).StatusCode);
        return (statement, signatory, code, await signatory.Client.GetPageAsync(url));
    }

    /// <summary>The one endorsement of the statement is still live, and only its signature is audited.</summary>
    private async Task AssertStillLiveAsync(Statement statement)
    {
        var endorsement = Assert.Single(await app.EndorsementsAsync(statement.Id));
        Assert.True(endorsement.IsLive);
        Assert.Null(endorsement.WithdrawalReason);
        Assert.Equal(["endorsement.signed"], await app.AuditActionsAsync(nameof(Endorsement), endorsement.Id));
    }

    /// <summary>The refused withdrawal is shown again open, the reason kept, the code field empty.</summary>
    private static void AssertFormKept(IHtmlDocument refused)
    {
        Assert.True(refused.QuerySelector("details#withdraw")!.HasAttribute("open"));
        Assert.Equal(Reason, refused.QuerySelector("form#withdraw-form textarea[name='Withdrawal.Reason']")!.TextContent.Trim());
        Assert.Equal("", refused.QuerySelector("form#withdraw-form input[name='Withdrawal.Code']")!.GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task The_withdraw_form_asks_for_the_code_as_the_sign_form_does()
    {
        var (_, _, _, page) = await SignedAsync();
        var field = page.QuerySelector("form#withdraw-form input[name='Withdrawal.Code']");
        Assert.NotNull(field);
        Assert.Equal("one-time-code", field.GetAttribute("autocomplete"));
        Assert.Equal("numeric", field.GetAttribute("inputmode"));
        Assert.Equal("Code from your authenticator app", page.QuerySelector($"form#withdraw-form label[for='{field.Id}']")!.TextContent.Trim());
        Assert.False(page.QuerySelector("details#withdraw")!.HasAttribute("open"));
    }

    [Fact]
    public async Task A_withdrawal_without_a_code_is_refused_and_nothing_is_withdrawn()
    {
        var (statement, signatory, _, page) = await SignedAsync();

        var refused = await SigningData.RefusedPageAsync(await signatory.Client.WithdrawAsync(page, Reason, ""));
        Assert.Contains("Enter the code from your authenticator app.", refused.Errors());
        Assert.Contains("Enter the code", refused.QuerySelector("form#withdraw-form")!.TextContent);
        AssertFormKept(refused);
        // Letters, not digits: refused by the step-up before any code is looked at.
        var letters = await SigningData.RefusedPageAsync(await signatory.Client.WithdrawAsync(page, Reason, "abcdef"));
        Assert.Contains("six-digit code", letters.Errors());
        Assert.Contains("Nothing was withdrawn.", letters.Errors());
        AssertFormKept(letters);
        await AssertStillLiveAsync(statement);
    }

    [Fact]
    public async Task A_withdrawal_with_a_wrong_or_an_old_code_is_refused_and_counts_towards_the_lock_out()
    {
        var (statement, signatory, _, page) = await SignedAsync();

        var wrong = await SigningData.RefusedPageAsync(await signatory.Client.WithdrawAsync(page, Reason, app.WrongTotpCode(signatory.Key)));
        Assert.Contains("not right", wrong.Errors());
        Assert.Contains("Nothing was withdrawn.", wrong.Errors());
        AssertFormKept(wrong);
        var old = await SigningData.RefusedPageAsync(await signatory.Client.WithdrawAsync(page, Reason, app.TotpCode(signatory.Key, TimeSpan.FromMinutes(-5))));
        Assert.Contains("not right, or no longer current", old.Errors());
        await AssertStillLiveAsync(statement);
        Assert.Equal(2, await app.WithDbAsync(db => db.Users.Where(u => u.Id == signatory.User.Id).Select(u => u.AccessFailedCount).SingleAsync()));
    }

    [Fact]
    public async Task The_code_that_signed_cannot_withdraw_and_the_next_one_does()
    {
        var (statement, signatory, signingCode, page) = await SignedAsync();

        var replayed = await SigningData.RefusedPageAsync(await signatory.Client.WithdrawAsync(page, Reason, signingCode));
        Assert.Contains("already used", replayed.Errors());
        AssertFormKept(replayed);
        await AssertStillLiveAsync(statement);

        // The next step's code (what the app shows thirty seconds on) withdraws, and is then used up in its turn.
        var next = app.TotpCode(signatory.Key, TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Redirect, (await signatory.Client.WithdrawAsync(replayed, Reason, next)).StatusCode);
        var withdrawn = Assert.Single(await app.EndorsementsAsync(statement.Id));
        Assert.False(withdrawn.IsLive);
        Assert.Equal((signatory.User.Id, Reason), (withdrawn.WithdrawnByUserId, withdrawn.WithdrawalReason));
        Assert.Equal(["endorsement.signed", "endorsement.withdrawn"], await app.AuditActionsAsync(nameof(Endorsement), withdrawn.Id));
        var again = await signatory.Client.GetPageAsync(SigningData.SignUrl(statement.Id, withdrawn.OrganisationId));
        Assert.Contains("already used", (await SigningData.RefusedPageAsync(await signatory.Client.SignAsync(again, next))).Errors());
        Assert.Single(await app.EndorsementsAsync(statement.Id));

        // The withdraw form sent again (a second click, another tab) is told so on the page, not a 404.
        var twice = await SigningData.RefusedPageAsync(await signatory.Client.WithdrawAsync(replayed, Reason, app.TotpCode(signatory.Key, TimeSpan.FromSeconds(60))));
        Assert.Contains("already withdrawn", twice.Errors());
        Assert.Equal(["endorsement.signed", "endorsement.withdrawn"], await app.AuditActionsAsync(nameof(Endorsement), withdrawn.Id));
    }

    [Fact]
    public async Task The_desk_withdraws_nothing_when_the_step_up_refuses()
    {
        var (statement, signatory, _, _) = await SignedAsync();
        var organisationId = Assert.Single(await app.EndorsementsAsync(statement.Id)).OrganisationId;
        var actor = new AuditActor(signatory.User.Id, signatory.User.FullName);
        var asked = 0;
        using var scope = app.Services.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<EndorsementDesk>();
        var result = await desk.WithdrawAsync(statement.Id, organisationId, Reason, signatory.User.Id, actor, _ =>
        {
            asked++;
            return Task.FromResult<DeskText?>("No code.");
        });
        Assert.False(result.Succeeded);
        Assert.Equal("No code. Nothing was withdrawn.", result.Message);
        Assert.Equal(1, asked);
        await AssertStillLiveAsync(statement);

        // A refused reason is answered before the code is asked for, so it does not use the code up.
        var blank = await desk.WithdrawAsync(statement.Id, organisationId, " ", signatory.User.Id, actor, _ =>
        {
            asked++;
            return Task.FromResult<DeskText?>(null);
        });
        Assert.Contains("reason", blank.Message);
        Assert.Equal(1, asked);
        await AssertStillLiveAsync(statement);
    }
}
