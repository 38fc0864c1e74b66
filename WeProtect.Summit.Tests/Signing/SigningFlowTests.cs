using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Signing;

/// <summary>From a final text to a published communiqué as a secretariat goes: the new signatory is told by e-mail, the
/// sign form offers the position they registered with, and each page links to the next step.</summary>
public class SigningFlowTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static Dictionary<string, string> GrantValues(string email, int organisationId) => new()
    {
        ["Grant.Email"] = email, ["Grant.OrganisationId"] = organisationId.ToString(),
        ["Grant.EvidenceReference"] = "Note verbale 2026/118", ["Grant.EvidenceDate"] = "2026-01-15",
    };

    [Fact]
    public async Task A_grant_e_mails_the_signatory_in_their_language_with_the_statements_windows_and_two_step_verification()
    {
        var organisation = await app.OrganisationAsync(Sector.Government);
        var (open, _) = await app.OpenStatementAsync(title: $"Open now {Guid.NewGuid():N}"[..20]);
        var (later, _) = await app.OpenStatementAsync(title: $"Opens later {Guid.NewGuid():N}"[..22], opens: app.UtcNow.AddDays(3), closes: app.UtcNow.AddDays(10));
        var (forNgos, _) = await app.OpenStatementAsync(SigningData.TextForGovernments.Replace("government", "civil-society").Replace("Government", "Civil society"),
            title: $"For NGOs {Guid.NewGuid():N}"[..19]);
        var user = await app.CreateUserAsync(fullName: "Ministre Future");
        await app.EnableTwoFactorAsync(user);
        await app.PreferLanguageAsync(user, "fr");
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        // Without two-step verification the organiser is told what to ask of the person.
        var stranger = await app.CreateUserAsync(fullName: "No Second Step");
        var page = await organiser.GetPageAsync("/Signing/Manage");
        var refused = await SigningData.RefusedPageAsync(await organiser.SubmitAsync(page, "form#grant-form", GrantValues(stranger.Email!, organisation.Id)));
        Assert.Contains("ask them to turn it on (Profile → Two-step verification), then grant it", refused.Errors());
        Assert.Equal(0, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKinds.SigningGranted
            && db.SigningAuthorities.Any(a => a.Id == n.SubjectId && a.UserId == stranger.Id))));

        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync(page, "form#grant-form", GrantValues(user.Email!, organisation.Id))).StatusCode);
        var authority = await app.WithDbAsync(db => db.SigningAuthorities.AsNoTracking().SingleAsync(a => a.UserId == user.Id));
        // One letter for the grant, written with it.
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKinds.SigningGranted && n.SubjectId == authority.Id)));

        var mail = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(x => x.Address == user.Email) && (m.Subject ?? "").StartsWith("Vous pouvez désormais signer"));
        Assert.Contains(organisation.FormalName, mail.Subject);
        var body = mail.TextBody;
        Assert.Contains(organisation.FormalName, body);
        Assert.Contains(open.Title, body);
        Assert.Contains(later.Title, body);
        Assert.DoesNotContain(forNgos.Title, body);   // no section for governments
        Assert.Contains("Asia/Dubai", body);           // the summit's zone
        Assert.Contains("ouverte à la signature du", body);
        Assert.Contains("/Signing", body);
        Assert.Contains("vérification en deux étapes", body);
        Assert.DoesNotContain("/Profile/EnableAuthenticator", body);

        // Sent later to someone who turned two-step verification off meanwhile: where to set it up.
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TwoFactorEnabled, false)));
        using var scope = app.Services.CreateScope();
        var letter = await scope.ServiceProvider.GetRequiredService<NotificationLetters>()
            .ComposeAsync(new Notification { Kind = NotificationKinds.SigningGranted, SubjectId = authority.Id }, CancellationToken.None);
        Assert.Contains("/Profile/EnableAuthenticator", letter!.TextBody);
    }

    [Fact]
    public async Task The_grant_letter_links_to_the_organisations_statements_to_sign_and_a_revocation_is_told_in_the_persons_language_and_recorded()
    {
        var organisation = await app.OrganisationAsync(Sector.Government);
        var (statement, _) = await app.OpenStatementAsync(title: $"To endorse {Guid.NewGuid():N}"[..21]);
        var user = await app.CreateUserAsync(fullName: "Ministra Saliente");
        var key = await app.EnableTwoFactorAsync(user);
        await app.PreferLanguageAsync(user, "es");
        var registration = await app.RegisterAsync(user, statement.SummitId, organisation.Id);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync("/Signing/Manage");
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SubmitAsync(page, "form#grant-form", GrantValues(user.Email!, organisation.Id))).StatusCode);
        var authority = await app.WithDbAsync(db => db.SigningAuthorities.AsNoTracking().SingleAsync(a => a.UserId == user.Id));

        // The grant letter links, absolutely, to the organisation's part of Statements to sign, which lists the statement.
        var link = $"{SummitAppFactory.PublicBaseUrl}/Signing#organisation-{organisation.Id}";
        var granted = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(x => x.Address == user.Email) && (m.Subject ?? "").StartsWith("Ya puede firmar"));
        Assert.Contains($"Declaraciones para firmar: {link}", granted.TextBody);
        Assert.Contains($"<a href=\"{link}\">Declaraciones para firmar</a>", granted.HtmlBody);
        var signatory = app.CreateFormClient();
        await signatory.LogInWithTwoFactorAsync(app, user.Email!, key);
        var statements = await signatory.GetPageAsync("/Signing");
        Assert.NotNull(statements.QuerySelector($"#organisation-{organisation.Id} #to-sign-{statement.Id}-{organisation.Id}"));

        // Revoked: one letter, in her language, naming the organisation and the reason, listed with her letters.
        page = await organiser.GetPageAsync("/Signing/Manage");
        var (_, revokedPage) = await organiser.SubmitAndFollowAsync(page, $"form#revoke-form-{authority.Id}",
            new Dictionary<string, string> { ["Reason"] = "Credenciales retiradas por el ministerio" });
        Assert.Contains("The former signatory is told by e-mail.", revokedPage.Body!.TextContent);
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKinds.SigningRevoked && n.SubjectId == authority.Id)));
        var revoked = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(x => x.Address == user.Email) && (m.Subject ?? "").StartsWith("Ya no puede firmar"));
        Assert.Contains(organisation.FormalName, revoked.Subject);
        Assert.StartsWith("Estimado/a Ministra Saliente:", revoked.TextBody);
        Assert.Contains($"ha revocado su facultad de firma en nombre de {organisation.FormalName}", revoked.TextBody);
        Assert.Contains("Motivo: Credenciales retiradas por el ministerio", revoked.TextBody);
        // Revoking it again tells no one twice.
        page = await organiser.GetPageAsync("/Signing/Manage");
        Assert.Null(page.QuerySelector($"form#revoke-form-{authority.Id}"));
        using (var scope = app.Services.CreateScope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<Data.Endorsements.EndorsementDesk>()
                .RevokeAsync(authority.Id, "Twice", new Data.Audit.AuditActor(null, "Test organiser"));
            Assert.False(again.Succeeded);
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKinds.SigningRevoked && n.SubjectId == authority.Id)));

        var record = await organiser.GetPageAsync($"/Registration/Manage/Delegate/{statement.SummitId}/{registration.Id}");
        Assert.Contains(NotificationKinds.SigningRevoked, record.QuerySelectorAll("#delegate-letters tbody tr").Select(r => r.GetAttribute("data-kind")));
    }

    [Fact]
    public async Task The_grant_letter_lists_across_two_summits_only_the_statements_the_organisation_may_endorse()
    {
        // A grant is for an organisation, not for one summit: it lets the signatory endorse what signing rule lets the
        // organisation endorse, of any summit (as "Statements to sign" and the signing desk do), and nothing else.
        var organisation = await app.OrganisationAsync(Sector.Government);
        var (openA, _) = await app.OpenStatementAsync(title: $"Open A {Guid.NewGuid():N}"[..18]);
        var summitB = await app.CreateOpenSummitAsync();
        var window = (Action<Data.Statements.Statement>)(s => { s.SigningOpensUtc = app.UtcNow.AddHours(-1); s.SigningClosesUtc = app.UtcNow.AddDays(7); });
        var (openB, _) = await app.CreateStatementAsync(summitB.Id, StatementStatus.OpenForSignature, SigningData.TextForAll, $"Open B {Guid.NewGuid():N}"[..18], window);
        var (forNgosB, _) = await app.CreateStatementAsync(summitB.Id, StatementStatus.OpenForSignature,
            SigningData.TextForGovernments.Replace("government", "civil-society").Replace("Government", "Civil society"), $"NGOs B {Guid.NewGuid():N}"[..18], window);
        var (endedB, _) = await app.CreateStatementAsync(summitB.Id, StatementStatus.OpenForSignature, SigningData.TextForAll, $"Ended B {Guid.NewGuid():N}"[..18],
            s => { s.SigningOpensUtc = app.UtcNow.AddDays(-3); s.SigningClosesUtc = app.UtcNow.AddDays(-1); });
        var (closedB, _) = await app.CreateStatementAsync(summitB.Id, StatementStatus.Closed, SigningData.TextForAll, $"Closed B {Guid.NewGuid():N}"[..18]);
        var (finalB, _) = await app.CreateStatementAsync(summitB.Id, StatementStatus.Final, SigningData.TextForAll, $"Final B {Guid.NewGuid():N}"[..18]);
        var user = await app.CreateUserAsync(fullName: "Two Summits");
        var key = await app.EnableTwoFactorAsync(user);
        var grant = await app.GrantAsync(user, organisation.Id);
        Assert.True(grant.Succeeded, grant.Message);

        using var scope = app.Services.CreateScope();
        var letter = await scope.ServiceProvider.GetRequiredService<NotificationLetters>()
            .ComposeAsync(new Notification { Kind = NotificationKinds.SigningGranted, SubjectId = grant.Value!.Id }, CancellationToken.None);
        var listed = letter!.TextBody.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, listed.Count);
        Assert.Contains(listed, l => l.StartsWith($"- {openA.Title} (", StringComparison.Ordinal));
        Assert.Contains(listed, l => l.StartsWith($"- {openB.Title} ({summitB.Name})", StringComparison.Ordinal));
        foreach (var other in new[] { forNgosB, endedB, closedB, finalB }) Assert.DoesNotContain(other.Title, letter.TextBody);
        // The signatory's page offers the same two (a statement whose window ended is still shown there, with the reason).
        var signatory = app.CreateFormClient();
        await signatory.LogInWithTwoFactorAsync(app, user.Email!, key);
        var page = (await signatory.GetPageAsync("/Signing")).Body!.TextContent;
        Assert.Contains(openA.Title, page);
        Assert.Contains(openB.Title, page);
        foreach (var other in new[] { forNgosB, closedB, finalB }) Assert.DoesNotContain(other.Title, page);
    }

    [Fact]
    public async Task The_sign_form_offers_the_position_of_the_profile_else_of_the_registration_for_the_summit()
    {
        var organisation = await app.OrganisationAsync();
        var (statement, _) = await app.OpenStatementAsync();
        var signatory = await app.SignatoryAsync(organisation.Id, "Registered Signer");
        var registration = await app.RegisterAsync(signatory.User, statement.SummitId, organisation.Id);
        await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Position, "Director, Child Protection")));
        var url = SigningData.SignUrl(statement.Id, organisation.Id);

        var page = await signatory.Client.GetPageAsync(url);
        Assert.Equal("Registered Signer", page.QuerySelector("#Input_PrintedName")!.GetAttribute("value"));
        Assert.Equal("Director, Child Protection", page.QuerySelector("#Input_PrintedPosition")!.GetAttribute("value"));

        // The profile's position, when there is one, comes first.
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == signatory.User.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Position, "Minister of the Interior")));
        page = await signatory.Client.GetPageAsync(url);
        Assert.Equal("Minister of the Interior", page.QuerySelector("#Input_PrintedPosition")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Each_page_links_to_the_next_step_between_signing_and_publishing()
    {
        var (statement, _) = await app.OpenStatementAsync();
        var (_, draftId) = await app.StatementAsync(StatementStatus.Draft);
        var (_, finalId) = await app.StatementAsync(StatementStatus.Final);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        // The statement's page, once final or open for signature: to the signing authorities.
        foreach (var id in new[] { statement.Id, finalId })
        {
            var edit = await organiser.GetPageAsync($"/Statements/Manage/Edit/{id}");
            Assert.StartsWith("/Signing/Manage", edit.QuerySelector("#link-signing-manage")!.GetAttribute("href"));
        }
        Assert.Null((await organiser.GetPageAsync($"/Statements/Manage/Edit/{draftId}")).QuerySelector("#link-signing-manage"));

        // The signing page: no publishing while open; "Close signing now", then the way to publish.
        var manage = await organiser.GetPageAsync("/Signing/Manage");
        Assert.Null(manage.QuerySelector($"#publish-link-{statement.Id}"));
        var (response, closed) = await organiser.SubmitAndFollowAsync(manage, $"#close-form-{statement.Id}", new Dictionary<string, string> { ["confirmEarlyClose"] = "true" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var publish = closed.QuerySelector($"#publish-link-{statement.Id}")!;
        Assert.Equal($"/Communiques/Manage/{statement.Id}", publish.GetAttribute("href"));
        Assert.Equal("Publish the communiqué", publish.TextContent.Trim());
    }
}
