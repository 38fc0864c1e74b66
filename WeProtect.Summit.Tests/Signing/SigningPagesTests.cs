using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Signing;

/// <summary>Signing through the pages, as signatories and organisers do it.</summary>
public class SigningPagesTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static Dictionary<string, string> GrantValues(string email, int organisationId) => new()
    {
        ["Grant.Email"] = email, ["Grant.OrganisationId"] = organisationId.ToString(),
        ["Grant.EvidenceReference"] = "Note verbale 2026/117", ["Grant.EvidenceDate"] = "2026-01-15",
    };

    [Fact]
    public async Task A_grant_to_a_user_without_two_factor_is_refused_with_it_the_grant_is_active_and_audited()
    {
        var organisation = await app.OrganisationAsync();
        var user = await app.CreateUserAsync(fullName: "Future Signatory");
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        var page = await organiser.GetPageAsync("/Signing/Manage");
        var refused = await SigningData.RefusedPageAsync(await organiser.SubmitAsync(page, "form#grant-form", GrantValues(user.Email!, organisation.Id)));
        Assert.Contains("has not turned on two-step verification", refused.Errors());
        Assert.Equal(0, await app.WithDbAsync(db => db.SigningAuthorities.CountAsync(a => a.UserId == user.Id)));

        // An unknown e-mail and a missing letter reference are refused too, without a 500.
        var unknown = await SigningData.RefusedPageAsync(await organiser.SubmitAsync(page, "form#grant-form", GrantValues("nobody@example.org", organisation.Id)));
        Assert.Contains("No user has this e-mail address", unknown.Errors());
        var noEvidence = GrantValues(user.Email!, organisation.Id);
        noEvidence["Grant.EvidenceReference"] = "";
        Assert.Contains("credentials letter", (await SigningData.RefusedPageAsync(await organiser.SubmitAsync(page, "form#grant-form", noEvidence))).Errors());

        await app.EnableTwoFactorAsync(user);
        var (response, granted) = await organiser.SubmitAndFollowAsync(page, "form#grant-form", GrantValues(user.Email!, organisation.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var authority = await app.WithDbAsync(db => db.SigningAuthorities.AsNoTracking().SingleAsync(a => a.UserId == user.Id));
        Assert.Equal("Note verbale 2026/117", authority.EvidenceReference);
        Assert.Equal(new DateOnly(2026, 1, 15), authority.EvidenceDate);
        Assert.Contains("Active", granted.QuerySelector($"#authority-{authority.Id} .authority-status")!.TextContent);
        Assert.Equal(["signing-authority.granted"], await app.AuditActionsAsync("SigningAuthority", authority.Id));

        // Several signatories per organisation.
        var second = await app.CreateUserAsync(fullName: "Second Signatory");
        await app.EnableTwoFactorAsync(second);
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync(granted, "form#grant-form", GrantValues(second.Email!, organisation.Id))).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.SigningAuthorities.CountAsync(a => a.OrganisationId == organisation.Id && a.RevokedUtc == null)));

        // Turning two-factor off leaves the grant waiting, and says so.
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TwoFactorEnabled, false)));
        var waiting = await organiser.GetPageAsync("/Signing/Manage");
        Assert.Contains("Waiting for two-step verification", waiting.QuerySelector($"#authority-{authority.Id} .authority-status")!.TextContent);
    }

    [Fact]
    public async Task A_wrong_an_old_and_a_replayed_code_are_refused_a_fresh_one_signs_bound_to_the_text()
    {
        var organisation = await app.OrganisationAsync();
        var (statement, final) = await app.OpenStatementAsync();
        var signatory = await app.SignatoryAsync(organisation.Id);
        var url = SigningData.SignUrl(statement.Id, organisation.Id);
        var page = await signatory.Client.GetPageAsync(url);
        Assert.Equal(final.ContentHash, page.QuerySelector("#final-hash")!.TextContent.Trim());
        Assert.Equal($"Version {final.Number}", page.QuerySelector("#final-version")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector(".statement-document"));
        Assert.Contains(statement.Summit?.TimeZoneId ?? "Asia/Dubai", page.QuerySelector("#signing-closes")!.TextContent);

        var wrong = await SigningData.RefusedPageAsync(await signatory.Client.SignAsync(page, app.WrongTotpCode(signatory.Key)));
        Assert.Contains("not right", wrong.Errors());
        var old = await SigningData.RefusedPageAsync(await signatory.Client.SignAsync(page, app.TotpCode(signatory.Key, TimeSpan.FromMinutes(-5))));
        Assert.Contains("not right, or no longer current", old.Errors());
        var empty = await SigningData.RefusedPageAsync(await signatory.Client.SignAsync(page, ""));
        Assert.Contains("authenticator app", empty.Errors());
        var tooLong = await SigningData.RefusedPageAsync(await signatory.Client.SignAsync(page, app.TotpCode(signatory.Key), name: new string('x', 201)));
        Assert.NotEmpty(tooLong.Errors());
        var noPosition = await SigningData.RefusedPageAsync(await signatory.Client.SignAsync(page, app.TotpCode(signatory.Key), position: ""));
        Assert.Contains("position", noPosition.Errors());
        Assert.Empty(await app.EndorsementsAsync(statement.Id));

        var code = app.TotpCode(signatory.Key);
        var signed = await signatory.Client.SignAsync(page, code);
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var endorsement = Assert.Single(await app.EndorsementsAsync(statement.Id));
        Assert.Equal((final.Id, final.ContentHash, signatory.User.Id, "Minister Anna Example", "Minister of the Interior"),
            (endorsement.StatementVersionId, endorsement.ContentHash, endorsement.SignerUserId, endorsement.PrintedName, endorsement.PrintedPosition));
        Assert.Equal(organisation.Id, endorsement.OrganisationId);
        Assert.Equal(["endorsement.signed"], await app.AuditActionsAsync("Endorsement", endorsement.Id));
        var shown = await signatory.Client.GetPageAsync(url);
        Assert.Contains("Minister Anna Example", shown.QuerySelector("#live-endorsement")!.TextContent);

        // Withdrawn (with the next step's code: a withdrawal needs a fresh one too) so that the organisation could sign
        // again: the used code still cannot be replayed.
        var withdrawal = await signatory.Client.WithdrawAsync(shown, "Signed by the wrong person", app.TotpCode(signatory.Key, TimeSpan.FromSeconds(30)));
        Assert.Equal(HttpStatusCode.Redirect, withdrawal.StatusCode);
        var withdrawn = await signatory.Client.GetPageAsync(url);
        var replayed = await SigningData.RefusedPageAsync(await signatory.Client.SignAsync(withdrawn, code));
        Assert.Contains("already used", replayed.Errors());
        Assert.Null(await app.WithDbAsync(db => db.Endorsements.FirstOrDefaultAsync(e => e.StatementId == statement.Id && e.WithdrawnUtc == null)));
    }

    [Fact]
    public async Task Repeated_wrong_codes_lock_signing_even_with_a_right_code_after()
    {
        var organisation = await app.OrganisationAsync();
        var (statement, _) = await app.OpenStatementAsync();
        var signatory = await app.SignatoryAsync(organisation.Id);
        var page = await signatory.Client.GetPageAsync(SigningData.SignUrl(statement.Id, organisation.Id));
        for (var i = 0; i < 5; i++)
            Assert.Contains("not right", (await SigningData.RefusedPageAsync(await signatory.Client.SignAsync(page, app.WrongTotpCode(signatory.Key)))).Errors());
        // The lock-out also ends the session (Accounts/SessionCheck): a right code after it signs nothing, and the
        // signer is sent to log in again, which the lock-out refuses until it ends.
        var locked = await signatory.Client.SignAsync(page, app.TotpCode(signatory.Key));
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Contains("/Account/Login", locked.Headers.Location!.OriginalString);
        Assert.Empty(await app.EndorsementsAsync(statement.Id));
    }

    [Fact]
    public async Task A_stale_hash_signs_nothing_and_says_the_text_changed()
    {
        var organisation = await app.OrganisationAsync();
        var (statement, _) = await app.OpenStatementAsync();
        var signatory = await app.SignatoryAsync(organisation.Id);
        var page = await signatory.Client.GetPageAsync(SigningData.SignUrl(statement.Id, organisation.Id));
        var response = await signatory.Client.SignAsync(page, app.TotpCode(signatory.Key), hash: new string('a', 64));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("The text changed", (await SigningData.RefusedPageAsync(response)).Errors());
        Assert.Empty(await app.EndorsementsAsync(statement.Id));
        // The code was not used up by the refusal: the hash is checked before the code is claimed.
        var again = await signatory.Client.GetPageAsync(SigningData.SignUrl(statement.Id, organisation.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await signatory.Client.SignAsync(again, app.TotpCode(signatory.Key))).StatusCode);
    }

    [Fact]
    public async Task Outside_the_window_nothing_is_signed()
    {
        var organisation = await app.OrganisationAsync();
        var (statement, _) = await app.OpenStatementAsync(closes: app.UtcNow.AddHours(1));
        var signatory = await app.SignatoryAsync(organisation.Id);
        var page = await signatory.Client.GetPageAsync(SigningData.SignUrl(statement.Id, organisation.Id));

        // The window ends while the signatory reads (an hour: within the sign-in's eight hours).
        app.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var late = await SigningData.RefusedPageAsync(await signatory.Client.SignAsync(page, app.TotpCode(signatory.Key)));
        Assert.Contains("signing window has closed", late.Errors());

        // Not yet open: a statement whose window opens in an hour, signed with a form read from an open one.
        var (notYet, notYetFinal) = await app.OpenStatementAsync(opens: app.UtcNow.AddHours(1), closes: app.UtcNow.AddDays(2));
        var early = await SigningData.RefusedPageAsync(await signatory.Client.SignAsync(page, app.TotpCode(signatory.Key),
            hash: notYetFinal.ContentHash, actionUrl: SigningData.SignUrl(notYet.Id, organisation.Id)));
        Assert.Contains("has not opened yet", early.Errors());
        Assert.Contains("has not opened yet", (await signatory.Client.GetPageAsync(SigningData.SignUrl(notYet.Id, organisation.Id))).QuerySelector("#cannot-sign")!.TextContent);
        Assert.Empty(await app.EndorsementsAsync(statement.Id));
        Assert.Empty(await app.EndorsementsAsync(notYet.Id));
    }

    [Fact]
    public async Task An_organisation_of_a_sector_no_section_speaks_to_cannot_sign()
    {
        var ngo = await app.OrganisationAsync(Sector.CivilSociety);
        var (forGovernments, finalForGovernments) = await app.OpenStatementAsync(SigningData.TextForGovernments);
        var (forAll, _) = await app.OpenStatementAsync();
        var signatory = await app.SignatoryAsync(ngo.Id);

        // Not offered on the list, and no form on its page.
        var list = await signatory.Client.GetPageAsync("/Signing");
        Assert.NotNull(list.QuerySelector($"#to-sign-{forAll.Id}-{ngo.Id}"));
        Assert.Null(list.QuerySelector($"#to-sign-{forGovernments.Id}-{ngo.Id}"));
        var page = await signatory.Client.GetPageAsync(SigningData.SignUrl(forGovernments.Id, ngo.Id));
        Assert.Null(page.QuerySelector("form#sign-form"));
        Assert.Contains("sector", page.QuerySelector("#cannot-sign")!.TextContent);

        // A post made by hand (the form of another statement, sent to this one) is refused by the rule.
        var other = await signatory.Client.GetPageAsync(SigningData.SignUrl(forAll.Id, ngo.Id));
        var refused = await SigningData.RefusedPageAsync(await signatory.Client.SignAsync(other, app.TotpCode(signatory.Key),
            hash: finalForGovernments.ContentHash, actionUrl: SigningData.SignUrl(forGovernments.Id, ngo.Id)));
        Assert.Contains("sector", refused.Errors());
        Assert.Empty(await app.EndorsementsAsync(forGovernments.Id));
    }

    [Fact]
    public async Task A_signatory_withdraws_with_a_reason_the_row_stays_and_the_organisation_signs_again()
    {
        var organisation = await app.OrganisationAsync();
        var (statement, _) = await app.OpenStatementAsync();
        var first = await app.SignatoryAsync(organisation.Id, "First Signer");
        var second = await app.SignatoryAsync(organisation.Id, "Second Signer");
        var url = SigningData.SignUrl(statement.Id, organisation.Id);

        Assert.Equal(HttpStatusCode.Redirect, (await first.Client.SignAsync(await first.Client.GetPageAsync(url), app.TotpCode(first.Key), name: "First Signer")).StatusCode);

        // The other signatory of the same organisation sees it, and cannot sign twice.
        var seen = await second.Client.GetPageAsync(url);
        Assert.Contains("First Signer", seen.QuerySelector("#live-endorsement")!.TextContent);
        Assert.Null(seen.QuerySelector("form#sign-form"));

        // A reason is required; the code sent with a refused reason is not used up.
        var noReason = await SigningData.RefusedPageAsync(await second.Client.WithdrawAsync(seen, " ", app.TotpCode(second.Key)));
        Assert.Contains("reason", noReason.Errors());
        Assert.Equal(HttpStatusCode.Redirect, (await second.Client.WithdrawAsync(seen, "The minister changed", app.TotpCode(second.Key))).StatusCode);
        var after = await second.Client.GetPageAsync(url);
        Assert.Contains("The minister changed", after.QuerySelector("#withdrawals")!.TextContent);

        var withdrawn = Assert.Single(await app.EndorsementsAsync(statement.Id));
        Assert.Equal((second.User.Id, "The minister changed"), (withdrawn.WithdrawnByUserId, withdrawn.WithdrawalReason));
        Assert.NotNull(withdrawn.WithdrawnUtc);

        // Signing again needs yet another code: the one that withdrew is used up.
        Assert.Equal(HttpStatusCode.Redirect, (await second.Client.SignAsync(after, app.TotpCode(second.Key, TimeSpan.FromSeconds(30)), name: "Second Signer")).StatusCode);
        var rows = await app.EndorsementsAsync(statement.Id);
        Assert.Equal(2, rows.Count);
        Assert.Equal("Second Signer", Assert.Single(rows, r => r.IsLive).PrintedName);
        Assert.Equal(["endorsement.signed", "endorsement.withdrawn"], await app.AuditActionsAsync("Endorsement", withdrawn.Id));
    }

    [Fact]
    public async Task A_revoked_authority_cannot_sign_and_the_revocation_is_audited()
    {
        var organisation = await app.OrganisationAsync();
        var (statement, _) = await app.OpenStatementAsync();
        var signatory = await app.SignatoryAsync(organisation.Id);
        var url = SigningData.SignUrl(statement.Id, organisation.Id);
        var page = await signatory.Client.GetPageAsync(url);

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var manage = await organiser.GetPageAsync("/Signing/Manage");
        var noReason = await SigningData.RefusedPageAsync(await organiser.SubmitAsync(manage, $"form#revoke-form-{signatory.AuthorityId}", new Dictionary<string, string> { ["Reason"] = "" }));
        Assert.Contains("reason", noReason.Errors());
        var (_, revoked) = await organiser.SubmitAndFollowAsync(manage, $"form#revoke-form-{signatory.AuthorityId}", new Dictionary<string, string> { ["Reason"] = "Credentials withdrawn by the ministry" });
        Assert.Contains("Revoked", revoked.QuerySelector($"#authority-{signatory.AuthorityId} .authority-status")!.TextContent);
        Assert.Equal(["signing-authority.granted", "signing-authority.revoked"], await app.AuditActionsAsync("SigningAuthority", signatory.AuthorityId));

        Assert.Equal(HttpStatusCode.Forbidden, (await signatory.Client.SignAsync(page, app.TotpCode(signatory.Key))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await signatory.Client.GetAsync(url)).StatusCode);
        Assert.Empty(await app.EndorsementsAsync(statement.Id));
    }

    [Fact]
    public async Task A_delegate_without_authority_gets_403_on_the_page_and_its_posts()
    {
        var organisation = await app.OrganisationAsync();
        var (statement, _) = await app.OpenStatementAsync();
        var signatory = await app.SignatoryAsync(organisation.Id);
        var url = SigningData.SignUrl(statement.Id, organisation.Id);
        var page = await signatory.Client.GetPageAsync(url);

        var summit = await app.CreateOpenSummitAsync();
        var (delegateUser, _) = await app.ApprovedDelegateAsync(summit.Id);
        var delegateKey = await app.EnableTwoFactorAsync(delegateUser);
        using var intruder = app.CreateFormClient();
        await intruder.LogInWithTwoFactorAsync(app, delegateUser.Email!, delegateKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await intruder.GetAsync(url)).StatusCode);
        // The signatory's form, posted with the intruder's own antiforgery token (taken from a page they may open).
        var own = await intruder.GetPageAsync("/Profile/Index");
        var token = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        page.QuerySelector("form#sign-form input[name=__RequestVerificationToken]")!.SetAttribute("value", token);
        Assert.Equal(HttpStatusCode.Forbidden, (await intruder.SignAsync(page, "123456")).StatusCode);
        var withdraw = await intruder.Http.PostAsync(url + "?handler=Withdraw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Withdrawal.Reason"] = "Not mine", ["Withdrawal.Code"] = app.TotpCode(delegateKey),
        }));
        Assert.Equal(HttpStatusCode.Forbidden, withdraw.StatusCode);
        Assert.Empty(await app.EndorsementsAsync(statement.Id));
        // Their list says they hold no authority; the organisers' page is closed to them.
        Assert.NotNull((await intruder.GetPageAsync("/Signing")).QuerySelector("#no-authority"));
        Assert.Contains("/Account/AccessDenied", (await intruder.GetAsync("/Signing/Manage")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Organisers_set_the_window_open_for_signature_and_close_early_with_audit()
    {
        var summit = await app.CreateOpenSummitAsync();
        var statementId = (await app.CreateStatementAsync(summit.Id, StatementStatus.Final, SigningData.TextForAll, "Window test")).Statement.Id;
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var edit = $"/Statements/Manage/Edit/{statementId}";
        // Without a window it cannot open.
        var refused = await SigningData.RefusedPageAsync(await organiser.SubmitAsync(await organiser.GetPageAsync(edit), "#status-form",
            new Dictionary<string, string> { ["to"] = nameof(StatementStatus.OpenForSignature) }));
        Assert.Contains("signing window", refused.Errors());
        // The window is one of the statement's settings, typed in the summit's zone.
        var local = summit.ToLocal(app.UtcNow);
        var (_, saved) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync(edit), "#settings-form", new Dictionary<string, string>
        {
            ["Settings.SigningOpens"] = local.AddHours(-1).ToString("yyyy-MM-ddTHH:mm"), ["Settings.SigningCloses"] = local.AddDays(3).ToString("yyyy-MM-ddTHH:mm"),
        });
        var stored = await app.WithDbAsync(db => db.Statements.AsNoTracking().SingleAsync(s => s.Id == statementId));
        Assert.Equal(summit.ToLocal(stored.SigningOpensUtc!.Value).ToString("yyyy-MM-ddTHH:mm"), local.AddHours(-1).ToString("yyyy-MM-ddTHH:mm"));
        await organiser.SubmitAndFollowAsync(saved, "#status-form", new Dictionary<string, string> { ["to"] = nameof(StatementStatus.OpenForSignature) });
        Assert.Equal(StatementStatus.OpenForSignature, await app.WithDbAsync(db => db.Statements.Where(s => s.Id == statementId).Select(s => s.Status).SingleAsync()));

        // The signing page shows the window and closes early, once the organiser confirms that it ends signing for everyone.
        var manage = await organiser.GetPageAsync("/Signing/Manage");
        Assert.Contains("Signing window:", manage.QuerySelector($"#window-{statementId}")!.TextContent);
        Assert.NotNull(manage.QuerySelector($"form#close-form-{statementId} input#confirm-close-{statementId}[name=confirmEarlyClose]"));
        var (_, unconfirmed) = await organiser.SubmitAndFollowAsync(manage, $"form#close-form-{statementId}");
        Assert.Contains("Tick “I understand” to close it anyway.", unconfirmed.QuerySelector(".alert-danger, .validation-summary-errors, [role=alert]")?.TextContent);
        Assert.Equal(StatementStatus.OpenForSignature, await app.WithDbAsync(db => db.Statements.Where(s => s.Id == statementId).Select(s => s.Status).SingleAsync()));
        await organiser.SubmitAndFollowAsync(unconfirmed, $"form#close-form-{statementId}", new Dictionary<string, string> { ["confirmEarlyClose"] = "true" });
        var closed = await app.WithDbAsync(db => db.Statements.AsNoTracking().SingleAsync(s => s.Id == statementId));
        Assert.Equal(StatementStatus.Closed, closed.Status);
        Assert.NotNull(closed.ClosedUtc);
        Assert.Equal(["statement.settings-changed", "statement.status-changed", "statement.signing-closed"], await app.AuditActionsAsync("Statement", statementId));
    }

    [Fact]
    public async Task Closing_from_the_statement_page_is_the_same_act_as_closing_from_the_signing_page()
    {
        var summit = await app.CreateOpenSummitAsync();
        var statementId = (await app.CreateStatementAsync(summit.Id, StatementStatus.OpenForSignature, SigningData.TextForAll,
            "Close from the statement page")).Statement.Id;
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var (_, after) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Statements/Manage/Edit/{statementId}"), "#status-form",
            new Dictionary<string, string> { ["to"] = nameof(StatementStatus.Closed), ["confirmEarlyClose"] = "true" });

        Assert.Equal("Closed", after.QuerySelector("#statement-status")?.TextContent);
        var closed = await app.WithDbAsync(db => db.Statements.AsNoTracking().SingleAsync(s => s.Id == statementId));
        Assert.Equal(StatementStatus.Closed, closed.Status);
        Assert.NotNull(closed.ClosedUtc);
        Assert.Equal(["statement.signing-closed"], await app.AuditActionsAsync("Statement", statementId));
    }

    [Fact]
    public async Task Every_signatory_of_the_organisation_gets_a_receipt_of_a_signature_and_of_its_withdrawal()
    {
        var organisation = await app.OrganisationAsync();
        var (statement, final) = await app.OpenStatementAsync();
        var signer = await app.SignatoryAsync(organisation.Id, "Receipt Signer");
        var colleague = await app.SignatoryAsync(organisation.Id, "Receipt Colleague");
        var url = SigningData.SignUrl(statement.Id, organisation.Id);
        Assert.Equal(HttpStatusCode.Redirect,
            (await signer.Client.SignAsync(await signer.Client.GetPageAsync(url), app.TotpCode(signer.Key), name: "Receipt Signer")).StatusCode);

        foreach (var person in new[] { signer, colleague })
        {
            var receipt = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == person.User.Email)
                && m.Subject == $"Endorsement recorded: {statement.Title}");
            Assert.Contains("Receipt Signer", receipt.TextBody);
            Assert.Contains($"SHA-256 {final.ContentHash}", receipt.TextBody);
        }

        Assert.Equal(HttpStatusCode.Redirect,
            (await colleague.Client.WithdrawAsync(await colleague.Client.GetPageAsync(url), "Not cleared by the cabinet", app.TotpCode(colleague.Key))).StatusCode);
        var withdrawal = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == signer.User.Email)
            && m.Subject == $"Endorsement withdrawn: {statement.Title}");
        Assert.Contains("Not cleared by the cabinet", withdrawal.TextBody);
    }
}
