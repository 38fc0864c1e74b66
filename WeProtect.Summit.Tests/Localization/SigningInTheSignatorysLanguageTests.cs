using System.Globalization;
using AngleSharp.Html.Dom;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Jobs;

namespace WeProtect.Summit.Tests.Localization;

/// <summary>A signatory signs in their language: the signing page, the sign and withdraw forms, the public "Agreed by"
/// list, and the letters (invitation to sign, receipts) in the language saved on the profile.</summary>
public class SigningInTheSignatorysLanguageTests(LocalizedAppFactory app) : IClassFixture<LocalizedAppFactory>
{
    /// <summary>English sentences of the signing page that a translated page must not show.</summary>
    private static readonly string[] English =
    [
        "Sign on behalf of", "Your organisation's endorsement", "Even though you are signed in", "By signing, you endorse",
        "Final version", "Signing opens", "Statements to sign", "Plain text, printed as a numbered note", "Your name, as printed",
        "Code from your authenticator app", "has not endorsed this statement",
    ];

    private static void NoEnglishLeft(IHtmlDocument page, params string[] more)
    {
        var text = page.Body!.TextContent;
        Assert.DoesNotContain(MissingKeyMarker.Marker, page.Source.Text);
        foreach (var english in English.Concat(more)) Assert.DoesNotContain(english, text);
    }

    private async Task PreferAsync(SummitUser user, string language) => await app.WithDbAsync(async db =>
    {
        var row = await db.Users.SingleAsync(u => u.Id == user.Id);
        Assert.Null(row.PreferLanguage(language));
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_French_signatory_reads_signs_and_withdraws_in_French_and_gets_the_receipts_in_French()
    {
        var organisation = await app.OrganisationAsync(name: $"République {Guid.NewGuid():N}"[..22]);
        var (statement, final) = await app.OpenStatementAsync();
        var signatory = await app.SignatoryAsync(organisation.Id, "Amélie Durand");
        await PreferAsync(signatory.User, "fr");
        var client = LocalizedAppFactory.Speaking(signatory.Client, "fr");

        var page = await client.GetPageAsync(SigningData.SignUrl(statement.Id, organisation.Id));
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal($"Signer au nom de {organisation.FormalName}", page.QuerySelector("#sign-heading")!.TextContent);
        Assert.Equal($"Le texte définitif (version {final.Number})", page.QuerySelector("#final-text-heading")!.TextContent);
        Assert.Equal("Signer", page.QuerySelector("#sign-button")!.TextContent.Trim());
        Assert.Equal("Déclarations à signer", page.QuerySelector(".breadcrumb a")!.TextContent);
        Assert.Contains("Version définitive", page.QuerySelector("#signing-facts")!.TextContent);
        Assert.Equal("Votre nom, tel qu'imprimé", page.QuerySelector("label[for=Input_PrintedName]")!.TextContent);
        Assert.Equal(organisation.FormalName, page.QuerySelector("#signing-for")!.TextContent);
        var summit = await app.WithDbAsync(db => db.Summits.SingleAsync(s => s.Id == statement.SummitId));
        var closes = summit.ToLocal(statement.SigningClosesUtc!.Value).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("fr-FR"));
        Assert.Equal($"{closes} ({summit.TimeZoneId})", page.QuerySelector("#signing-closes")!.TextContent);
        Assert.Contains("n'a pas approuvé cette déclaration", page.QuerySelector("#no-endorsement")!.TextContent);
        NoEnglishLeft(page);

        // A refusal from the form is in French too.
        var empty = await SigningData.RefusedPageAsync(await client.SignAsync(page, ""));
        Assert.Contains("Saisissez le code de votre application d'authentification.", empty.Errors());

        var (signed, shown) = await client.SubmitAndFollowAsync(page, "#sign-form", new Dictionary<string, string>
        {
            ["Input.Code"] = app.TotpCode(signatory.Key), ["Input.PrintedName"] = "Amélie Durand", ["Input.PrintedPosition"] = "Ministre de l'Intérieur",
        });
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal($"Signé : {organisation.FormalName} approuve « {statement.Title} ».", shown.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal("Ouverte à la signature", shown.QuerySelector("#statement-status")!.TextContent);
        Assert.StartsWith("Approuvée : signée par Amélie Durand, Ministre de l'Intérieur, le ", shown.QuerySelector("#live-endorsement")!.TextContent);
        Assert.Equal("Amélie Durand", shown.QuerySelector("#live-endorsement strong")!.TextContent);
        Assert.Equal(final.ContentHash, shown.QuerySelector("#live-endorsement code")!.TextContent);
        Assert.Equal("Retirer l'approbation…", shown.QuerySelector("#withdraw summary")!.TextContent);
        Assert.Equal("Code de votre application d'authentification", shown.QuerySelector("label[for=Withdrawal_Code]")!.TextContent);
        NoEnglishLeft(shown, "Withdraw the endorsement", "The endorsement stays on record", "A withdrawal needs a fresh code");

        var receipt = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == signatory.User.Email) && (m.Subject ?? "") == $"Approbation enregistrée : {statement.Title}");
        Assert.StartsWith("Bonjour Amélie Durand,", receipt.TextBody);
        Assert.Contains($"Amélie Durand (Ministre de l'Intérieur) a approuvé « {statement.Title} » au nom de {organisation.FormalName} le ", receipt.TextBody);
        Assert.Contains($"La signature porte sur la version {final.Number} du texte, SHA-256 {final.ContentHash}.", receipt.TextBody);
        Assert.Contains("L'approbation : http", receipt.TextBody);
        Assert.Equal("fr", receipt.Body!.Headers["Content-Language"]);

        // The public list, to anyone whose browser asks for French.
        using var anonymous = LocalizedAppFactory.Speaking(app.CreateFormClient(), "fr");
        var agreed = await anonymous.GetPageAsync($"/Statements/{statement.Id}/agreed-by");
        Assert.Equal("1 organisation a approuvé cette déclaration.", agreed.QuerySelector("#agreed-by-count")!.TextContent);
        Assert.Equal("Approuvé par", agreed.QuerySelector("h2")!.TextContent);
        NoEnglishLeft(agreed, "organisation has endorsed", "Agreed by");

        // A withdrawal without its code is refused in French; with the next step's code (the one that signed is used up) it is done.
        var noCode = await SigningData.RefusedPageAsync(await client.WithdrawAsync(shown, "Le ministre a changé.", ""));
        Assert.Contains("Saisissez le code de votre application d'authentification.", noCode.Errors());
        var (withdrawn, afterWithdrawal) = await client.SubmitAndFollowAsync(shown, "#withdraw-form", new Dictionary<string, string>
        {
            ["Withdrawal.Reason"] = "Le ministre a changé.", ["Withdrawal.Code"] = app.TotpCode(signatory.Key, TimeSpan.FromSeconds(30)),
        });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("L'approbation est retirée. Votre organisation peut approuver de nouveau la déclaration tant qu'elle reçoit des approbations.",
            afterWithdrawal.QuerySelector("[role=status]")!.TextContent);
        var notice = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == signatory.User.Email) && (m.Subject ?? "") == $"Approbation retirée : {statement.Title}");
        Assert.Contains("Motif invoqué : Le ministre a changé.", notice.TextBody);
        Assert.Contains($"Vous recevez ce message en tant que signataire pour {organisation.FormalName}.", notice.TextBody);
        var after = await client.GetPageAsync(SigningData.SignUrl(statement.Id, organisation.Id));
        Assert.Contains("« Le ministre a changé. »", after.QuerySelector("#withdrawals")!.TextContent);
        Assert.StartsWith("Signée par Amélie Durand le ", after.QuerySelector("#withdrawals li")!.TextContent);
    }

    [Fact]
    public async Task Why_a_statement_cannot_be_signed_is_said_in_French_on_the_page_and_after_a_post()
    {
        var organisation = await app.OrganisationAsync();
        var summit = await app.CreateOpenSummitAsync();
        var (closed, closedVersion) = await app.CreateStatementAsync(summit.Id, StatementStatus.Closed, SigningData.TextForAll, $"Statement {Guid.NewGuid():N}"[..20], s =>
        {
            s.SigningOpensUtc = app.UtcNow.AddDays(-2);
            s.SigningClosesUtc = app.UtcNow.AddDays(-1);
        });
        var (open, _) = await app.OpenStatementAsync();
        var signatory = await app.SignatoryAsync(organisation.Id, "Amélie Durand");
        var client = LocalizedAppFactory.Speaking(signatory.Client, "fr");

        // The status is said by its own sentence, the rest of the refusal by another: both in French.
        var page = await client.GetPageAsync(SigningData.SignUrl(closed.Id, organisation.Id));
        Assert.Null(page.QuerySelector("form#sign-form"));
        Assert.Equal("La déclaration est close ; elle n'est pas ouverte à la signature.", page.QuerySelector("#cannot-sign")!.TextContent);

        // A form read on an open statement, posted to the closed one: the desk's refusal, and the step-up's, in French.
        var other = await client.GetPageAsync(SigningData.SignUrl(open.Id, organisation.Id));
        var refused = await SigningData.RefusedPageAsync(await client.SignAsync(other, app.TotpCode(signatory.Key),
            hash: closedVersion.ContentHash, actionUrl: SigningData.SignUrl(closed.Id, organisation.Id)));
        Assert.Contains("La déclaration est close ; elle n'est pas ouverte à la signature. Rien n'a été signé.", refused.Errors());
        var letters = await SigningData.RefusedPageAsync(await client.SignAsync(other, "abcdef", actionUrl: SigningData.SignUrl(open.Id, organisation.Id)));
        Assert.Contains("Saisissez le code à six chiffres qu'affiche maintenant votre application d'authentification. Rien n'a été signé.", letters.Errors());
        Assert.Empty(await app.EndorsementsAsync(closed.Id));
        Assert.Empty(await app.EndorsementsAsync(open.Id));
    }

    [Fact]
    public async Task An_Arabic_signing_page_is_right_to_left_and_in_Arabic()
    {
        var organisation = await app.OrganisationAsync();
        var (statement, final) = await app.OpenStatementAsync();
        var signatory = await app.SignatoryAsync(organisation.Id);
        var client = LocalizedAppFactory.Speaking(signatory.Client, "ar");

        var page = await client.GetPageAsync(SigningData.SignUrl(statement.Id, organisation.Id));
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal($"التوقيع باسم {organisation.FormalName}", page.QuerySelector("#sign-heading")!.TextContent);
        Assert.Equal($"النص النهائي (النسخة {final.Number})", page.QuerySelector("#final-text-heading")!.TextContent);
        Assert.Equal("توقيع", page.QuerySelector("#sign-button")!.TextContent.Trim());
        Assert.Equal("لم تصادق منظمتك على هذا البيان.", page.QuerySelector("#no-endorsement")!.TextContent);
        NoEnglishLeft(page);

        var list = await client.GetPageAsync("/Signing");
        Assert.Equal("بيانات للتوقيع", list.QuerySelector("h1")!.TextContent);
        NoEnglishLeft(list);
    }

    [Fact]
    public async Task The_invitation_to_sign_is_written_in_the_signatorys_language()
    {
        var organisation = await app.OrganisationAsync(name: $"Reino {Guid.NewGuid():N}"[..16]);
        var (statement, _) = await app.OpenStatementAsync();
        var signatory = await app.SignatoryAsync(organisation.Id, "Lucía Gómez");
        await PreferAsync(signatory.User, "es");
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<SigningSweep>().RunAsync(CancellationToken.None);

        var mail = await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == signatory.User.Email) && (m.Subject ?? "").StartsWith("Abiertas a la firma"));
        Assert.Equal($"Abiertas a la firma: declaraciones para {organisation.FormalName}", mail.Subject);
        Assert.StartsWith("Estimado/a Lucía Gómez:", mail.TextBody);
        Assert.Contains($"Como firmante de {organisation.FormalName}, ya puede respaldar los textos siguientes:", mail.TextBody);
        Assert.Contains($"- {statement.Title} (", mail.TextBody);
        Assert.Contains("el plazo de firma se cierra el", mail.TextBody);
        Assert.Contains("Declaraciones para firmar: http", mail.TextBody);
        Assert.DoesNotContain("signing closes", mail.TextBody);
        Assert.Equal("es", mail.Body!.Headers["Content-Language"]);
    }
}
