using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Tests.Localization;

/// <summary>An amendment's status as delegates read it in the consultation, worded with the amendment's own grammatical
/// agreement in each language (not the registration's "Rejected"); and the communiqué verification's findings about
/// the signature, which the verifier words in English for logs, shown in the reader's language.</summary>
public class AmendmentsAndVerificationInTheirLanguageTests(LocalizedAppFactory app) : IClassFixture<LocalizedAppFactory>
{
    public static TheoryData<string, string, string> AmendmentStatuses() => new()
    {
        // French: "l'amendement" is masculine (rejeté), not the "inscription refusée" of a registration.
        { "fr", "rejeté par les organisateurs", "en attente de décision" },
        // Spanish: "la enmienda" is feminine.
        { "es", "rechazada por los organizadores", "pendiente de decisión" },
        // Arabic: "التعديل" is masculine.
        { "ar", "رفضه المنظمون", "في انتظار القرار" },
        { "en", "rejected by the organisers", "awaiting a decision" },
    };

    [Theory]
    [MemberData(nameof(AmendmentStatuses))]
    public async Task An_amendments_status_agrees_with_the_amendment_in_each_language(string language, string rejected, string pending)
    {
        var (summitId, statementId) = await app.StatementAsync();
        var (member, _) = await app.DelegateAsync(summitId, "Government of Albania " + Guid.NewGuid().ToString("N")[..6]);
        foreach (var wording in new[] { "Share what works, with data that protects **privacy**.", "Share what works, **openly**." })
            await member.SubmitAndFollowAsync(await member.GetPageAsync($"/Statements/{statementId}/consult"), "#amendment-form", new Dictionary<string, string>
            {
                ["Proposal.Anchor"] = "government-1.b", ["Proposal.Wording"] = wording, ["Proposal.Explanation"] = "Clearer.",
            });
        var amendments = await app.WithDbAsync(db => db.Amendments.AsNoTracking().Where(a => a.StatementId == statementId).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, amendments.Count);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.SummitDbContext>();
            var statement = await db.Statements.Include(s => s.Versions).FirstAsync(s => s.Id == statementId);
            var result = await scope.ServiceProvider.GetRequiredService<StatementDesk>()
                .RejectAmendmentAsync(statement, amendments[0].Id, amendments[0].Version, "Privacy is covered in 2.a.", new AuditActor(null, "Test organiser"));
            Assert.True(result.Succeeded, result.Message);
        }

        var page = await EnglishLeft.PageAsync(member, $"/Statements/{statementId}/consult", language);
        Assert.Equal(rejected, page.QuerySelector($"#amendment-{amendments[0].Id} .amendment-status")!.TextContent.Trim());
        Assert.Equal(pending, page.QuerySelector($"#amendment-{amendments[1].Id} .amendment-status")!.TextContent.Trim());
    }

    [Fact]
    public void The_French_amendment_status_is_not_the_registrations_feminine_refusal()
    {
        using var scope = app.Services.CreateScope();
        var localizer = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizerFactory>()
            .Create(typeof(WeProtect.Summit.Web.Localization.SharedResource));
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("fr");
            Assert.Equal("Refusée", localizer["Rejected"].Value); // a registration, a letter: feminine
            Assert.Equal("rejeté par les organisateurs", localizer[WeProtect.Summit.Web.Statements.AmendmentStatusWords.Of(AmendmentStatus.Rejected)].Value);
            Assert.Equal("accepté par les organisateurs", localizer[WeProtect.Summit.Web.Statements.AmendmentStatusWords.Of(AmendmentStatus.Accepted)].Value);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>What the Verify page says of a communiqué changed after signing, in each language.</summary>
    public static TheoryData<string, string> ChangedAfterSigning() => new()
    {
        { "fr", "Non valable. La signature ne correspond pas au document : celui-ci a été modifié après la signature." },
        { "es", "No válida. La firma no corresponde al documento: este se modificó después de firmarse." },
        { "ar", "غير صالح. التوقيع لا يطابق المستند: فقد عُدّل بعد توقيعه." },
        { "en", "Not valid. The signature does not match the document: it was changed after signing." },
    };

    [Theory]
    [MemberData(nameof(ChangedAfterSigning))]
    public async Task The_verification_of_a_changed_communique_reads_in_the_readers_language(string language, string expected)
    {
        var closed = await app.ClosedStatementAsync();
        var communique = await app.PublishedAsync(closed.StatementId);
        var tampered = (byte[])communique.Pdf!.Clone();
        tampered[tampered.Length / 3] ^= 0x01; // one byte inside the signed range
        using var visitor = LocalizedAppFactory.Speaking(app.CreateFormClient(), language);
        var (_, page) = await visitor.VerifyAsync(tampered);
        Assert.Equal("false", page.QuerySelector("#verify-result")!.GetAttribute("data-valid"));
        Assert.Equal(expected, System.Text.RegularExpressions.Regex.Replace(page.QuerySelector("#signature")!.TextContent, @"\s+", " ").Trim());
        // The verifier's own words stay English, for logs.
        Assert.Equal("The signature does not match the document: it was changed after signing.", WeProtect.Summit.Web.Pdf.PdfSignatureVerifier.Verify(tampered).Problem);
        if (language == "en") return;

        using var english = LocalizedAppFactory.Speaking(app.CreateFormClient(), "en");
        var (_, inEnglish) = await english.VerifyAsync(tampered);
        var failures = new List<string>();
        EnglishLeft.Compare("/Communiques/Verify (a changed communiqué)", inEnglish, page, language, ["communique.pdf", communique.CertificateSubject ?? ""], failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
