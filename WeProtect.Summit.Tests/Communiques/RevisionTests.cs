using System.Text.Json;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Communiques;

/// <summary>Revisions after publication: a statement that stays open for late endorsements takes signatures through
/// the signing pages after its communiqué is published; organisers publish revision 2, signed and timestamped like the
/// first (local authority); revision 1 stays downloadable and valid, and the Verify page says it was superseded; the
/// pages, signatory lists (the PDF signed too) and evidence report follow the revision.</summary>
public class RevisionTests(TimestampedApp app) : IClassFixture<TimestampedApp>
{
    [Fact]
    public async Task A_late_endorsement_goes_into_revision_2_and_revision_1_stays_valid_but_superseded()
    {
        app.Authority.Answer = LocalTimestampAuthority.Behaviour.Good;
        var closed = await app.ClosedStatementAsync(lateEndorsements: true);
        var first = await app.PublishedAsync(closed.StatementId);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var manage = $"/Communiques/Manage/{closed.StatementId}";

        // Nothing new yet: no revision to publish.
        var (_, refused) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync(manage), "form#revision-form");
        Assert.Contains("No organisation endorsed the statement since revision 1", refused.Errors() + refused.QuerySelector(".validation-summary-errors, #status")?.TextContent);
        Assert.Null(await app.CommuniqueOfAsync(closed.StatementId, revision: 2));

        // A late endorsement, through the signing page with a fresh code.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var late = await app.OrganisationAsync(Sector.Government, $"Late Republic {Guid.NewGuid():N}"[..22]);
        var signatory = await app.SignatoryAsync(late.Id);
        var toSign = await signatory.Client.GetPageAsync("/Signing");
        Assert.Contains("Published; open for late endorsements", toSign.Body!.TextContent);
        var signPage = await signatory.Client.GetPageAsync(SigningData.SignUrl(closed.StatementId, late.Id));
        var signed = await signatory.Client.SignAsync(signPage, app.TotpCode(signatory.Key));
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.Single(await app.EndorsementsAsync(closed.StatementId), e => e.OrganisationId == late.Id && e.WithdrawnUtc == null);

        // Before revision 2, the public lists are revision 1's.
        using var visitor = app.CreateFormClient();
        Assert.DoesNotContain(late.FormalName, await visitor.Http.GetStringAsync($"/Communiques/Signatories/{closed.StatementId}/json"));

        var (_, queued) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync(manage), "form#revision-form");
        Assert.Contains("Revision 2 of the communiqué is queued", queued.QuerySelector("#status")?.TextContent);
        var second = await app.WaitForCommuniqueAsync(closed.StatementId, c => c.Status == CommuniqueStatus.Published, revision: 2);

        // Revision 2: signed, timestamped, lists the late organisation and says what it supersedes.
        Assert.Contains("Signature is Valid.", await PdfTools.PdfsigAsync(second.Pdf!));
        var check = PdfSignatureVerifier.Verify(second.Pdf!);
        Assert.True(check.IsValid, check.Problem);
        Assert.NotNull(check.TimestampUtc);
        var words = PdfTools.Words(second.Pdf!);
        Assert.Contains(late.FormalName, words);
        Assert.Contains("Revision 2, after late endorsements; it supersedes revision 1", words);
        Assert.Equal(closed.Organisations.Count + 1, second.SignatoryCount);

        // Revision 1: the same bytes as published, still valid, without the late organisation.
        var firstNow = (await app.CommuniqueOfAsync(closed.StatementId))!;
        Assert.Equal(first.Pdf, firstNow.Pdf);
        Assert.DoesNotContain(late.FormalName, PdfTools.Words(firstNow.Pdf!));
        Assert.Equal(first.Pdf, await visitor.Http.GetByteArrayAsync($"/Communiques/{first.Id}/pdf"));

        var (_, verifyFirst) = await visitor.VerifyAsync(first.Pdf!);
        Assert.Equal("true", verifyFirst.QuerySelector("#verify-result")!.GetAttribute("data-valid"));
        var verdict = verifyFirst.QuerySelector("#verdict")!.TextContent;
        Assert.Contains("revision 1 of 2, superseded on", verdict);
        Assert.Contains(second.PublishedUtc!.Value.ToString("d MMMM yyyy, HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), verdict);
        Assert.DoesNotContain(late.FormalName, verifyFirst.QuerySelector("#verify-result")!.TextContent);
        var (_, verifySecond) = await visitor.VerifyAsync(second.Pdf!);
        Assert.Contains("revision 2 of 2, the current revision", verifySecond.QuerySelector("#verdict")!.TextContent);
        Assert.Contains(late.FormalName, verifySecond.QuerySelector("#verify-result")!.TextContent);

        // The public pages list the revisions; each revision's page shows its own list.
        var page1 = await visitor.GetPageAsync($"/Communiques/{first.Id}");
        Assert.Contains("superseded on", page1.QuerySelector("#revision-standing")!.TextContent);
        Assert.Equal(2, page1.QuerySelectorAll("#revisions tbody tr").Length);
        Assert.DoesNotContain(late.FormalName, page1.QuerySelector("#signatories")!.TextContent);
        var page2 = await visitor.GetPageAsync($"/Communiques/{second.Id}");
        Assert.Contains("the current revision", page2.QuerySelector("#revision-standing")!.TextContent);
        Assert.Contains(late.FormalName, page2.QuerySelector("#signatories")!.TextContent);
        var index = await visitor.GetPageAsync("/Communiques");
        Assert.DoesNotContain(index.QuerySelectorAll("#communiques a"), a => a.GetAttribute("href") == $"/Communiques/{first.Id}");
        Assert.Contains(index.QuerySelectorAll("#communiques a"), a => a.GetAttribute("href") == $"/Communiques/{second.Id}");

        // Signatory lists follow the revision: the current one by default, an earlier one on request.
        using (var current = JsonDocument.Parse(await visitor.Http.GetStringAsync($"/Communiques/Signatories/{closed.StatementId}/json")))
        {
            Assert.Equal(2, current.RootElement.GetProperty("revision").GetInt32());
            Assert.Equal(closed.Organisations.Count + 1, current.RootElement.GetProperty("count").GetInt32());
        }
        using (var earlier = JsonDocument.Parse(await visitor.Http.GetStringAsync($"/Communiques/Signatories/{closed.StatementId}/json?revision=1")))
        {
            Assert.Equal(1, earlier.RootElement.GetProperty("revision").GetInt32());
            Assert.Equal(closed.Organisations.Count, earlier.RootElement.GetProperty("count").GetInt32());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync($"/Communiques/Signatories/{closed.StatementId}/json?revision=9")).StatusCode);

        // The signatory-list PDF is the one signed at publication: valid for pdfsig, PAdES B-T, and known to Verify.
        var listPdf = await visitor.Http.GetByteArrayAsync($"/Communiques/Signatories/{closed.StatementId}/pdf?revision=1");
        Assert.Equal(first.SignatoryListPdf, listPdf);
        var listReport = await PdfTools.PdfsigAsync(listPdf);
        Assert.Contains("Signature is Valid.", listReport);
        Assert.Contains("ETSI.CAdES.detached", listReport);
        Assert.NotNull(PdfSignatureVerifier.Verify(listPdf).TimestampUtc);
        var (_, verifyList) = await visitor.VerifyAsync(listPdf, "signatories.pdf");
        Assert.Equal("true", verifyList.QuerySelector("#verify-result")!.GetAttribute("data-valid"));
        Assert.Contains("signatory list", verifyList.QuerySelector("#verdict")!.TextContent);
        Assert.Contains("revision 1 of 2", verifyList.QuerySelector("#verdict")!.TextContent);
        var changed = (byte[])listPdf.Clone();
        changed[changed.Length / 3] ^= 0x01;
        var (_, verifyChanged) = await visitor.VerifyAsync(changed, "signatories.pdf");
        Assert.Equal("false", verifyChanged.QuerySelector("#verify-result")!.GetAttribute("data-valid"));

        // The evidence report of each revision: revision 2 has the late endorsement, revision 1 does not.
        var report2 = PdfTools.Words(await organiser.Http.GetByteArrayAsync($"/Communiques/Manage/{closed.StatementId}?handler=Evidence&revision=2"));
        Assert.Contains("revision 2 of 2", report2);
        Assert.Contains(late.FormalName, report2);
        Assert.Contains($"Communiqué SHA-256: {second.Sha256}", report2);
        var report1 = PdfTools.Words(await organiser.Http.GetByteArrayAsync($"/Communiques/Manage/{closed.StatementId}?handler=Evidence&revision=1"));
        Assert.Contains("revision 1 of 2", report1);
        Assert.Contains("Revision 1 was superseded", report1);
        Assert.DoesNotContain(late.FormalName, report1);
        Assert.Contains($"Communiqué SHA-256: {first.Sha256}", report1);
    }

    [Fact]
    public async Task Without_the_option_or_once_it_is_ended_a_published_statement_takes_no_signature_and_no_revision()
    {
        var closed = await app.ClosedStatementAsync(lateEndorsements: true);
        await app.PublishedAsync(closed.StatementId);
        var plain = await app.ClosedStatementAsync();
        await app.PublishedAsync(plain.StatementId);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        Assert.Null((await organiser.GetPageAsync($"/Communiques/Manage/{plain.StatementId}")).QuerySelector("form#revision-form"));

        // The organiser ends late endorsements on the publishing page.
        var (_, ended) = await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync($"/Communiques/Manage/{closed.StatementId}"), "form#end-late-form");
        Assert.Contains("Late endorsements are ended", ended.QuerySelector("#status")?.TextContent);
        Assert.Null(ended.QuerySelector("form#revision-form"));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        foreach (var statementId in new[] { closed.StatementId, plain.StatementId })
        {
            var late = await app.OrganisationAsync(Sector.Government);
            var signatory = await app.SignatoryAsync(late.Id);
            var page = await signatory.Client.GetPageAsync(SigningData.SignUrl(statementId, late.Id));
            Assert.Null(page.QuerySelector("form#sign-form"));
            Assert.DoesNotContain(await app.EndorsementsAsync(statementId), e => e.OrganisationId == late.Id);
        }
        using var scope = app.Services.CreateScope();
        var refused = await scope.ServiceProvider.GetRequiredService<CommuniqueDesk>().PublishRevisionAsync(plain.StatementId, Data.Audit.AuditActor.System);
        Assert.False(refused.Succeeded);
        // Nothing changed since revision 1: a revision would list the same organisations.
        Assert.Contains("No organisation endorsed the statement since revision 1", refused.Message);
    }

    [Fact]
    public async Task Before_publication_an_organiser_downloads_the_signatory_list_signed_on_request()
    {
        var closed = await app.ClosedStatementAsync();
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var response = await organiser.Http.GetAsync($"/Communiques/Signatories/{closed.StatementId}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var report = await PdfTools.PdfsigAsync(pdf);
        Assert.Contains("Signature is Valid.", report);
        Assert.Contains("Total document signed", report);
        Assert.Contains(closed.Organisations[0].FormalName, PdfTools.Words(pdf));
        // Not published: Verify knows the signer but not the file.
        using var visitor = app.CreateFormClient();
        var (_, verified) = await visitor.VerifyAsync(pdf, "signatories.pdf");
        Assert.Equal("false", verified.QuerySelector("#verify-result")!.GetAttribute("data-valid"));
    }
}
