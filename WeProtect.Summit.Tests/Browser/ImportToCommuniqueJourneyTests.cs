using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Tests.Signing;
using WeProtect.Summit.Tests.Statements;
using static WeProtect.Summit.Tests.Statements.ImportWordFile;

namespace WeProtect.Summit.Tests.Browser;

/// <summary>A statement from a Word file to the signed communiqué in a real browser: the organiser imports a .docx,
/// sees the missing audience marker, adds it in the text, saves, moves the statement through consultation to final,
/// sets the signing window and opens it; a signatory (two-factor on, granted by the test data) logs in with a code
/// and signs with a fresh one; the organiser closes signing and publishes; the job makes the signed PDF, whose first
/// page is kept as a PNG (pdftoppm) beside the screenshots and whose text is read back with PdfPig.</summary>
[Collection(BrowserCollection.Name)]
public class ImportToCommuniqueJourneyTests(BrowserFixture browser)
{
    private const string Title = "Abu Dhabi Statement of Action";

    private static byte[] WordDraft() => Build(
    [
        Styled("Title", Title),
        P("We, the governments gathered in Abu Dhabi, recognise that the sexual exploitation of children online is a global crime."),
        Styled("Heading2", "Our commitments"),
        P("In support of this, we commit to:"),
        Item(Bullets, 0, "Strengthen national laws."),
        Item(Bullets, 0, "Fund specialist units."),
        P("Together, we will report on these commitments at the next summit."),
    ]);

    [Fact]
    public async Task An_organiser_imports_a_Word_draft_fixes_it_finalises_opens_it_a_signatory_signs_and_the_signed_communique_is_published()
    {
        var app = browser.App;
        var summit = await app.CreateOpenSummitAsync();
        var (statement, _) = await app.CreateStatementAsync(summit.Id, StatementStatus.Draft, StatementExample.Canonical);
        var organiser = await app.CreateUserAsync(fullName: "Import Organiser", roles: Roles.Organiser);
        var listedName = "Testland " + Guid.NewGuid().ToString("N")[..4];
        var organisation = await app.CreateOrganisationAsync("The Republic of " + listedName, Sector.Government, "GB");
        await app.WithDbAsync(async db =>
        {
            db.Organisations.Attach(organisation);
            organisation.ListedName = listedName;
            return await db.SaveChangesAsync();
        });
        var signatory = await app.CreateUserAsync(fullName: "Mariam Al Testa");
        var key = await app.EnableTwoFactorAsync(signatory);
        var granted = await app.GrantAsync(signatory, organisation.Id);
        Assert.True(granted.Succeeded, granted.Message);

        // 1. Import: the draft is shown with its error (the heading has no marker) and the marker to add.
        var organiserPage = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(organiserPage, organiser.Email!);
        await organiserPage.GotoAsync($"/Statements/Manage/Edit/{statement.Id}");
        await organiserPage.Locator("#link-import").ClickAsync();
        await BrowserFixture.WaitForAddressAsync(organiserPage, $"/Statements/Manage/Import/{statement.Id}");
        await organiserPage.Locator("#import-upload").SetInputFilesAsync(new FilePayload
        {
            Name = "abu-dhabi.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = WordDraft(),
        });
        await organiserPage.Locator("#import-upload-submit").ClickAsync();
        var errors = organiserPage.Locator("#import-errors li");
        await Assertions.Expect(errors).ToHaveCountAsync(1);
        await Assertions.Expect(errors.First).ToHaveAttributeAsync("data-line", "5");
        await Assertions.Expect(organiserPage.Locator("#import-markers li").First).ToContainTextAsync("Line 5 (“## Our commitments”): add {audience=…}");
        await browser.ScreenshotAsync(organiserPage, "1-imported-with-error");

        // 2. Fix: the audience marker added in the text, {closing} above the last paragraph, saved as version 2.
        var text = (await organiserPage.Locator("#import-text").InputValueAsync()).ReplaceLineEndings("\n");
        var fixedText = text.Replace("## Our commitments\n", "## Our commitments {audience=government}\n")
            .Replace("\nTogether, we will", "\n{closing}\nTogether, we will");
        Assert.NotEqual(text, fixedText);
        await organiserPage.Locator("#import-text").FillAsync(fixedText);
        await organiserPage.Locator("#import-save-submit").ClickAsync();
        await Assertions.Expect(organiserPage.Locator("#version-2")).ToBeVisibleAsync();
        await BrowserFixture.WaitForAddressAsync(organiserPage, $"/Statements/Manage/Edit/{statement.Id}");
        await Assertions.Expect(organiserPage.Locator("#settings-title")).ToHaveTextAsync(Title);
        await browser.ScreenshotAsync(organiserPage, "2-saved");

        // 3. Consultation, then final.
        await organiserPage.Locator("#move-Consultation").ClickAsync();
        await Assertions.Expect(organiserPage.Locator("#statement-status")).ToHaveTextAsync("In consultation");
        await organiserPage.Locator("#move-Final").ClickAsync();
        await Assertions.Expect(organiserPage.Locator("#statement-status")).ToHaveTextAsync("Final");
        await Assertions.Expect(organiserPage.Locator("#final-version")).ToContainTextAsync("version 2");

        // 4. The signing window (wide enough for any summit time zone), then open for signature.
        await organiserPage.Locator("#Settings_SigningOpens").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await organiserPage.Locator("#Settings_SigningCloses").FillAsync(DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await organiserPage.Locator("#settings-save").ClickAsync();
        await Assertions.Expect(organiserPage.Locator("#status")).ToBeVisibleAsync();
        await organiserPage.Locator("#move-OpenForSignature").ClickAsync();
        await Assertions.Expect(organiserPage.Locator("#statement-status")).ToHaveTextAsync("Open for signature");
        await browser.ScreenshotAsync(organiserPage, "3-open-for-signature");

        // 5. The signatory logs in with an authenticator code and signs with a fresh one.
        var signatoryPage = await browser.NewPageAsync();
        await signatoryPage.GotoAsync("/Account/Login");
        await signatoryPage.Locator("form#login input[name='Input.Email']").FillAsync(signatory.Email!);
        await signatoryPage.Locator("form#login input[name='Input.Password']").FillAsync(SummitAppFactory.Password);
        await signatoryPage.Locator("form#login button[type=submit]").ClickAsync();
        await BrowserFixture.WaitForAddressAsync(signatoryPage, "/Account/LoginWith2fa");
        // A code is accepted once, whatever it is used for: log in with the previous step's code (still accepted), so that
        // the one shown now is fresh for the signature.
        await signatoryPage.Locator("form#login-2fa input[name='Input.Code']").FillAsync(app.TotpCode(key, TimeSpan.FromSeconds(-30)));
        await signatoryPage.Locator("form#login-2fa button[type=submit]").ClickAsync();
        await Assertions.Expect(signatoryPage).Not.ToHaveURLAsync(new Regex("/Account/"), new() { Timeout = 60_000 });
        await signatoryPage.GotoAsync("/Signing");
        await signatoryPage.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Assertions.Expect(signatoryPage.Locator(".statement-document")).ToContainTextAsync("Strengthen national laws.");
        await signatoryPage.Locator("#Input_PrintedName").FillAsync("Mariam Al Testa");
        await signatoryPage.Locator("#Input_PrintedPosition").FillAsync("Minister of Interior");
        await signatoryPage.Locator("#Input_Code").FillAsync(app.TotpCode(key));
        await browser.ScreenshotAsync(signatoryPage, "4-sign");
        await signatoryPage.Locator("#sign-button").ClickAsync();
        await Assertions.Expect(signatoryPage.Locator("#live-endorsement")).ToContainTextAsync("Mariam Al Testa");
        await browser.ScreenshotAsync(signatoryPage, "5-signed");

        // 6. The organiser closes signing and publishes; the job signs the PDF.
        await organiserPage.GotoAsync($"/Statements/Manage/Edit/{statement.Id}");
        // Inside the window: closing early is confirmed first.
        await organiserPage.Locator("#confirm-early-close").CheckAsync();
        await organiserPage.Locator("#move-Closed").ClickAsync();
        await Assertions.Expect(organiserPage.Locator("#statement-status")).ToHaveTextAsync("Closed");
        await organiserPage.Locator("#link-publish").ClickAsync();
        await BrowserFixture.WaitForAddressAsync(organiserPage, $"/Communiques/Manage/{statement.Id}");
        await organiserPage.Locator("#publish").ClickAsync();
        await Assertions.Expect(organiserPage.Locator("#communique-state")).ToHaveTextAsync("Published", new() { Timeout = 60_000 });
        await browser.ScreenshotAsync(organiserPage, "6-published");

        // 7. The signed PDF: its first page kept as a PNG beside the screenshots, its text read back.
        var download = await organiserPage.RunAndWaitForDownloadAsync(() => organiserPage.Locator("#download-pdf").ClickAsync());
        var pdfPath = Path.Combine(Path.GetTempPath(), $"journey-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(pdfPath);
        try
        {
            var pdf = await File.ReadAllBytesAsync(pdfPath);
            var pngPrefix = Path.Combine(browser.ScreenshotFolder, $"{nameof(An_organiser_imports_a_Word_draft_fixes_it_finalises_opens_it_a_signatory_signs_and_the_signed_communique_is_published)}-7-pdf-page-1");
            await RenderFirstPageAsync(pdfPath, pngPrefix);
            Assert.True(new FileInfo(pngPrefix + ".png").Length > 1000, "pdftoppm wrote no image of the first page");

            var words = PdfTools.Words(pdf);
            Assert.Contains(Title, words);
            Assert.Contains(listedName, words);
            Assert.Contains("Signature is Valid.", await PdfTools.PdfsigAsync(pdf));
        }
        finally
        {
            File.Delete(pdfPath);
        }

        organiserPage.Problems().AssertNone();
        signatoryPage.Problems().AssertNone();
    }

    /// <summary>pdftoppm (poppler-utils) at 80 dpi, first page only, to <paramref name="prefix"/>.png.</summary>
    private static async Task RenderFirstPageAsync(string pdfPath, string prefix)
    {
        var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-png", "-f", "1", "-l", "1", "-r", "80", "-singlefile", pdfPath, prefix }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"pdftoppm failed: {await stderr}");
    }
}
