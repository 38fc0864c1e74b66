using WeProtect.Summit.Data.Accreditations;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Accreditation;

/// <summary>Letters of invitation: requested by the delegate, approved or refused by an organiser, generated and signed
/// by the job (once, however often it runs), downloaded by the delegate, and recognised by the Verify page.</summary>
public class VisaLetterTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task Requested_approved_and_issued_the_letter_is_signed_verifiable_and_printed_with_the_delegates_details()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id, "Wanjiru Kamau");
        using var client = await app.LogInAsync(user);
        var number = await app.CompleteAccreditationAsync(client, registration.Id);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var wording = "The Government of the United Arab Emirates is honoured to invite the delegate named below.";
        var settings = await organiser.GetPageAsync($"/Registration/Manage/VisaLetters/{summit.Id}");
        await organiser.SubmitAndFollowAsync(settings, "form#wording-form", new Dictionary<string, string> { ["Wording"] = wording });

        var page = await client.GetPageAsync(AccreditationSteps.AccreditationUrl(registration.Id));
        var (_, requested) = await client.SubmitAndFollowAsync(page, "form#visa-letter-form");
        Assert.Equal(nameof(VisaLetterStatus.Requested), requested.QuerySelector("#visa-letter")?.GetAttribute("data-status"));

        var queue = await organiser.GetPageAsync($"/Registration/Manage/VisaLetters/{summit.Id}");
        Assert.Contains("Wanjiru Kamau", queue.QuerySelector("#visa-letters")!.TextContent);
        var (approved, _) = await organiser.SubmitAndFollowAsync(queue, "form.approve-form");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var letterId = await app.WithDbAsync(db => db.VisaLetters.Where(v => v.RegistrationId == registration.Id).Select(v => v.Id).SingleAsync());
        var issued = await VisaLetterSteps.IssueAsync(app, letterId);

        // A second run (a sweep, a retried job) changes nothing.
        await VisaLetterSteps.IssueAsync(app, letterId);
        var again = await app.WithDbAsync(db => db.VisaLetters.AsNoTracking().SingleAsync(v => v.Id == letterId));
        Assert.Equal(issued.Sha256, again.Sha256);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "visa-letter.issued" && e.Summary.Contains($"Visa letter {letterId} "))));

        // Listed on the delegate's page, downloaded, signed.
        var after = await client.GetPageAsync(AccreditationSteps.AccreditationUrl(registration.Id));
        var link = after.QuerySelector("#visa-letter-download")?.GetAttribute("href") ?? throw new Xunit.Sdk.XunitException("No download link");
        var download = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.True(download.Headers.CacheControl?.NoStore, "A letter with a passport number must not be cached");
        var pdf = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(issued.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
        var pdfsig = await PdfTools.PdfsigAsync(pdf);
        Assert.Contains("Signature is Valid.", pdfsig);
        Assert.Contains("ETSI.CAdES.detached", pdfsig);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf)) Assert.Equal(1, document.NumberOfPages);
        var words = PdfTools.Words(pdf);
        foreach (var expected in new[] { "Letter of invitation", summit.Name, "Wanjiru Kamau", number, "Kenya", "Government of the United Arab Emirates", VisaLetterPdf.Reference(letterId) })
            Assert.Contains(expected, words);

        // Verify: recognised as this summit's letter; one byte changed is rejected.
        using var anonymous = app.CreateFormClient();
        var (ok, valid) = await anonymous.VerifyAsync(pdf, "letter.pdf");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("true", valid.QuerySelector("#verify-result")!.GetAttribute("data-valid"));
        Assert.Equal("visa-letter", valid.QuerySelector("#verdict")!.GetAttribute("data-kind"));
        Assert.Contains(summit.Name, valid.QuerySelector("#verdict")!.TextContent);
        Assert.DoesNotContain(number, valid.Body!.TextContent);
        var tampered = (byte[])pdf.Clone();
        tampered[tampered.Length / 3] ^= 0x01;
        var (_, notValid) = await anonymous.VerifyAsync(tampered, "letter.pdf");
        Assert.Equal("false", notValid.QuerySelector("#verify-result")!.GetAttribute("data-valid"));

        // Another delegate cannot download it.
        using var other = await app.LoggedInClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task A_delegate_not_approved_cannot_have_a_letter()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(fullName: "Pending Person");
        var registration = await app.RegisterAsync(user, summit.Id, organisation.Id);
        using var client = await app.LogInAsync(user);
        await app.CompleteAccreditationAsync(client, registration.Id);

        var page = await client.GetPageAsync(AccreditationSteps.AccreditationUrl(registration.Id));
        Assert.Null(page.QuerySelector("form#visa-letter-form"));
        Assert.Contains("only for approved delegates", page.QuerySelector("#visa-letter-unavailable")!.TextContent);

        // The desk says no too, whatever posts to it.
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<VisaLetterDesk>()
            .RequestAsync(registration.Id, user.Id, new AuditActor(user.Id, user.FullName));
        Assert.False(result.Succeeded);
        Assert.Contains("only for approved delegates", result.Message);
        Assert.False(await app.WithDbAsync(db => db.VisaLetters.AnyAsync(v => v.RegistrationId == registration.Id)));
    }

    [Fact]
    public async Task An_incomplete_accreditation_cannot_have_a_letter_and_a_refusal_reaches_the_delegate_with_its_reason()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id);
        using var client = await app.LogInAsync(user);
        await client.SaveDocumentAsync(registration.Id, app.NewDocumentNumber());

        var incomplete = await client.GetPageAsync(AccreditationSteps.AccreditationUrl(registration.Id));
        Assert.Null(incomplete.QuerySelector("form#visa-letter-form"));
        Assert.Contains("your photo", incomplete.QuerySelector("#visa-letter-unavailable")!.TextContent);

        await client.UploadPhotoAsync(registration.Id, AccreditationSteps.Png(300, 300), "me.png");
        var page = await client.GetPageAsync(AccreditationSteps.AccreditationUrl(registration.Id));
        await client.SubmitAndFollowAsync(page, "form#visa-letter-form");
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var queue = await organiser.GetPageAsync($"/Registration/Manage/VisaLetters/{summit.Id}");

        var (_, noReason) = await organiser.SubmitAndFollowAsync(queue, "form.refuse-form");
        Assert.Contains("Give the delegate a reason", noReason.Body!.TextContent);
        var (_, refused) = await organiser.SubmitAndFollowAsync(queue, "form.refuse-form", new Dictionary<string, string> { ["Reason"] = "No visa is needed for Kenyan citizens." });
        Assert.Contains("Refused", refused.Body!.TextContent);

        var mine = await client.GetPageAsync(AccreditationSteps.AccreditationUrl(registration.Id));
        Assert.Contains("No visa is needed for Kenyan citizens.", mine.QuerySelector("#visa-letter-refused")!.TextContent);
        Assert.NotNull(mine.QuerySelector("form#visa-letter-form")); // may ask again
        Assert.Equal(VisaLetterStatus.Refused, await app.WithDbAsync(db => db.VisaLetters.Where(v => v.RegistrationId == registration.Id).Select(v => v.Status).SingleAsync()));
    }
}
