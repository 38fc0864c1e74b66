using System.Text.Json;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Endorsements;

namespace WeProtect.Summit.Tests.Signing;

/// <summary>An organisation may attach a declaration (a reservation, as treaty practice allows) when it signs: it is
/// part of what is confirmed with the fresh code, recorded with its SHA-256, shown on the signing page and the public
/// "Agreed by" list as a numbered note, and printed in the communiqué PDF and the CSV/JSON lists.</summary>
public class DeclarationTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private const string Text = "Subject to ratification by the national parliament & within our constitutional order.";

    [Fact]
    public async Task A_declaration_signed_with_the_endorsement_is_shown_numbered_on_the_page_and_audited()
    {
        var (statement, _) = await app.OpenStatementAsync();
        var organisation = await app.OrganisationAsync();
        var signatory = await app.SignatoryAsync(organisation.Id);
        var url = SigningData.SignUrl(statement.Id, organisation.Id);
        var page = await signatory.Client.GetPageAsync(url);

        // Too long: refused, nothing signed.
        var tooLong = await signatory.Client.SubmitAsync(page, "form#sign-form", new Dictionary<string, string>
        {
            ["Input.Code"] = app.TotpCode(signatory.Key), ["Input.PrintedName"] = "Minister Anna Example", ["Input.PrintedPosition"] = "Minister",
            ["Input.Declaration"] = new string('x', Endorsement.DeclarationMaxLength + 1),
        });
        Assert.NotEqual(HttpStatusCode.Redirect, tooLong.StatusCode);
        Assert.Empty(await app.EndorsementsAsync(statement.Id));

        app.Clock.Advance(TimeSpan.FromSeconds(31)); // a fresh authenticator code
        var (_, signed) = await signatory.Client.SubmitAndFollowAsync(await signatory.Client.GetPageAsync(url), "form#sign-form", new Dictionary<string, string>
        {
            ["Input.Code"] = app.TotpCode(signatory.Key), ["Input.PrintedName"] = "Minister Anna Example", ["Input.PrintedPosition"] = "Minister",
            ["Input.Declaration"] = "  " + Text + "  ",
        });
        Assert.Contains(Text, signed.QuerySelector("#live-declaration")!.TextContent);
        var endorsement = Assert.Single(await app.EndorsementsAsync(statement.Id));
        Assert.Equal(Text, endorsement.Declaration);

        var summary = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "endorsement.signed" && e.SubjectId == endorsement.Id.ToString())
            .Select(e => e.Summary).SingleAsync());
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Text))), summary);

        var list = await app.CreateFormClient().GetPageAsync($"/Statements/{statement.Id}/agreed-by");
        Assert.Equal("1", list.QuerySelector($"li.signatory[data-organisation='{organisation.Id}'] .declaration-ref")!.TextContent);
        Assert.Equal(Text, list.QuerySelector("#declaration-1 .declaration-text")!.TextContent);
        // Written in the signatory's language: it takes its direction from its own letters, as the PDF does.
        Assert.Equal("auto", list.QuerySelector("#declaration-1 .declaration-text")!.GetAttribute("dir"));
        Assert.Equal("auto", signed.QuerySelector("#live-declaration q")!.GetAttribute("dir"));
    }

    [Fact]
    public async Task A_declaration_at_its_limit_as_the_browser_counts_it_is_signed_with_its_line_breaks()
    {
        var (statement, _) = await app.OpenStatementAsync();
        var organisation = await app.OrganisationAsync();
        var signatory = await app.SignatoryAsync(organisation.Id);
        var url = SigningData.SignUrl(statement.Id, organisation.Id);
        // A browser counts each line break as one character against maxlength and sends it as two ("\r\n").
        var paragraphs = Text + "\r\n\r\nSecond paragraph.\r\n";
        var typed = paragraphs + new string('x', Endorsement.DeclarationMaxLength - paragraphs.Replace("\r\n", "\n").Length);
        var page = await signatory.Client.GetPageAsync(url);
        Assert.Equal(Endorsement.DeclarationMaxLength.ToString(), page.QuerySelector("textarea[name='Input.Declaration']")!.GetAttribute("maxlength"));
        var (_, signed) = await signatory.Client.SubmitAndFollowAsync(page, "form#sign-form", new Dictionary<string, string>
        {
            ["Input.Code"] = app.TotpCode(signatory.Key), ["Input.PrintedName"] = "Minister Anna Example", ["Input.PrintedPosition"] = "Minister",
            ["Input.Declaration"] = typed,
        });
        Assert.NotNull(signed.QuerySelector("#live-declaration"));
        var endorsement = Assert.Single(await app.EndorsementsAsync(statement.Id));
        Assert.Equal(typed.Replace("\r\n", "\n"), endorsement.Declaration);
    }

    [Fact]
    public async Task Declarations_are_printed_as_numbered_notes_in_the_communique_and_carried_by_the_CSV_and_JSON()
    {
        var closed = await app.ClosedStatementAsync();
        var declared = closed.Organisations[1];
        // As if it had been signed with the declaration (the signing page's own path is tested above).
        Assert.Equal(1, await app.WithDbAsync(db => db.Endorsements
            .Where(e => e.StatementId == closed.StatementId && e.OrganisationId == declared.Id && e.WithdrawnUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Declaration, Text))));
        var communique = await app.PublishedAsync(closed.StatementId);

        var words = PdfTools.Words(communique.Pdf!);
        Assert.Contains($"{declared.FormalName} [1]", words);
        Assert.Contains("Declarations", words);
        Assert.Contains($"[1] {declared.FormalName}: {Text}", words);
        var report = await PdfTools.PdfsigAsync(communique.Pdf!);
        Assert.Contains("Signature is Valid.", report);

        using var visitor = app.CreateFormClient();
        var csv = await visitor.Http.GetStringAsync($"/Communiques/Signatories/{closed.StatementId}/csv");
        Assert.Contains("Declaration", csv.Split('\n')[0]);
        Assert.Contains(Text, csv);
        using var json = JsonDocument.Parse(await visitor.Http.GetStringAsync($"/Communiques/Signatories/{closed.StatementId}/json"));
        var entry = json.RootElement.GetProperty("signatories").EnumerateArray().Single(s => s.GetProperty("formalName").GetString() == declared.FormalName);
        Assert.Equal(Text, entry.GetProperty("declaration").GetString());
        Assert.All(json.RootElement.GetProperty("signatories").EnumerateArray().Where(s => s.GetProperty("formalName").GetString() != declared.FormalName),
            s => Assert.Equal(JsonValueKind.Null, s.GetProperty("declaration").ValueKind));
        Assert.Equal(CommuniqueStatus.Published, communique.Status);
    }
}
