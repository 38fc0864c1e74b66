using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using WeProtect.Summit.Data.Accreditations;

namespace WeProtect.Summit.Tests.Accreditation;

/// <summary>The passport or ID number: encrypted at rest, shown in full only to its delegate in the form, masked to
/// organisers, and never in another user's pages, the log, an e-mail, an audit event or an export.</summary>
public class DocumentNumberTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public async Task The_number_is_encrypted_at_rest_and_shown_in_full_only_to_its_delegate()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id);
        using var client = await app.LogInAsync(user);
        var number = app.NewDocumentNumber();

        var after = await client.SaveDocumentAsync(registration.Id, " " + number[..3] + "-" + number[3..].ToLowerInvariant() + " ");

        // Typed with spaces, a dash and lower case: kept as printed in the passport's machine-readable zone.
        Assert.Equal(number, after.QuerySelector("input#DocumentNumber")?.GetAttribute("value"));
        Assert.Contains(DocumentNumbers.Mask(number), after.Body!.TextContent);
        var stored = await app.WithDbAsync(db => db.Accreditations.SingleAsync(a => a.RegistrationId == registration.Id));
        Assert.Equal("KE", stored.NationalityCode);
        Assert.DoesNotContain(number, stored.ProtectedDocumentNumber!, StringComparison.OrdinalIgnoreCase);
        // Data protection with the accreditation's own purpose reads it back; another purpose cannot.
        var provider = app.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>();
        Assert.Equal(number, app.Services.GetRequiredService<DocumentNumberProtector>().Unprotect(stored.ProtectedDocumentNumber!));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            provider.CreateProtector("WeProtect.Summit.AuthenticatorKey.v1").Unprotect(stored.ProtectedDocumentNumber!));
    }

    [Fact]
    public async Task Bad_answers_get_a_message_beside_their_field_and_nothing_is_saved()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id);
        using var client = await app.LogInAsync(user);
        var page = await client.GetPageAsync(AccreditationSteps.AccreditationUrl(registration.Id));

        var (response, after) = await client.SubmitAndFollowAsync(page, "form#accreditation-form", new Dictionary<string, string>
        {
            ["NationalityCode"] = "ZQ",
            ["DocumentNumber"] = "12<script>",
            ["DocumentExpiry"] = summit.EndDate.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = after.Body!.TextContent;
        Assert.Contains("Choose your nationality from the list.", text);
        Assert.Contains("letters and digits", text);
        Assert.Contains("expires before the summit ends", text);
        Assert.False(await app.WithDbAsync(db => db.Accreditations.AnyAsync(a => a.RegistrationId == registration.Id)));

        var (_, notADate) = await client.SubmitAndFollowAsync(page, "form#accreditation-form", new Dictionary<string, string>
        {
            ["NationalityCode"] = "KE", ["DocumentNumber"] = "P1234567", ["DocumentExpiry"] = "next year",
        });
        Assert.NotNull(notADate.QuerySelector("form#accreditation-form"));
        Assert.False(await app.WithDbAsync(db => db.Accreditations.AnyAsync(a => a.RegistrationId == registration.Id)));
    }

    [Fact]
    public async Task The_number_never_appears_in_other_users_pages_the_log_e_mails_audit_events_or_exports()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id, "Amina Odhiambo");
        using var client = await app.LogInAsync(user);
        var number = await app.CompleteAccreditationAsync(client, registration.Id);
        var organiser = await app.CreateUserAsync(fullName: "Olu Organiser", roles: Roles.Organiser);
        using var organiserClient = await app.LogInAsync(organiser);
        // A request for a letter, approved and issued: the letter is the one place the number is printed.
        var accreditation = await client.GetPageAsync(AccreditationSteps.AccreditationUrl(registration.Id));
        await client.SubmitAndFollowAsync(accreditation, "form#visa-letter-form");
        var letters = await organiserClient.GetPageAsync($"/Registration/Manage/VisaLetters/{summit.Id}");
        await organiserClient.SubmitAndFollowAsync(letters, "form.approve-form");
        var letterId = await app.WithDbAsync(db => db.VisaLetters.Where(v => v.RegistrationId == registration.Id).Select(v => v.Id).SingleAsync());
        await VisaLetterSteps.IssueAsync(app, letterId);
        var code = await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registration.Id).Select(r => r.BadgeCode).SingleAsync());
        var desk = await organiserClient.GetPageAsync($"/Registration/Manage/CheckIn/{summit.Id}");
        await organiserClient.SubmitAndFollowAsync(desk, "form#checkin-form", new Dictionary<string, string> { ["Code"] = code });

        // Organisers see it masked.
        var organiserPages = new List<string>();
        foreach (var url in new[]
                 {
                     $"/Registration/Manage/VisaLetters/{summit.Id}", $"/Registration/Manage/{summit.Id}", $"/Registration/Manage/Dashboard/{summit.Id}",
                     $"/Registration/Manage/Badges/{summit.Id}", $"/Registration/Manage/CheckIn/{summit.Id}?q=Amina", $"/Invitations/Manage/Protocol/{summit.Id}/{registration.Id}",
                 })
        {
            var response = await organiserClient.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            organiserPages.Add(await response.Content.ReadAsStringAsync());
        }
        // (The page's text: Razor writes the mask's bullets as character references.)
        Assert.Contains(DocumentNumbers.Mask(number), new AngleSharp.Html.Parser.HtmlParser().ParseDocument(organiserPages[0]).Body!.TextContent);
        Assert.All(organiserPages, html => Assert.DoesNotContain(number, html, StringComparison.OrdinalIgnoreCase));

        // Another delegate sees none of it.
        using var other = await app.LoggedInClientAsync();
        foreach (var url in new[] { AccreditationSteps.AccreditationUrl(registration.Id), $"/Registration/Details/{registration.Id}",
                     $"/Registration/Photo/{registration.Id}", $"/Registration/VisaLetter/{letterId}", $"/Summits/Participants/{summit.Id}" })
        {
            var response = await other.GetAsync(url);
            Assert.DoesNotContain(number, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
            if (!url.Contains("Participants", StringComparison.Ordinal)) Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // The exports of the summit's delegates, CSV and Excel.
        var dashboard = await organiserClient.GetPageAsync($"/Registration/Manage/Dashboard/{summit.Id}");
        foreach (var id in new[] { "csv-approved", "csv-all", "xlsx-approved", "xlsx-all" })
        {
            var response = await organiserClient.GetAsync(dashboard.QuerySelector($"#{id}")!.GetAttribute("href")!);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var text = id.StartsWith("xlsx", StringComparison.Ordinal) ? XlsxText(bytes) : System.Text.Encoding.UTF8.GetString(bytes);
            Assert.Contains("Amina Odhiambo", text); // the export holds the delegate, so the test can fail
            Assert.DoesNotContain(number, text, StringComparison.OrdinalIgnoreCase);
        }

        // The log, every e-mail and the audit trail.
        Assert.DoesNotContain(app.Log.Lines, line => line.Contains(number, StringComparison.OrdinalIgnoreCase));
        var mail = app.SentMail();
        Assert.NotEmpty(mail);
        Assert.All(mail, m => Assert.DoesNotContain(number, (m.TextBody ?? "") + (m.HtmlBody ?? "") + m.Subject, StringComparison.OrdinalIgnoreCase));
        var audit = await app.WithDbAsync(db => db.AuditEvents.Select(e => e.Summary).ToListAsync());
        Assert.Contains(audit, s => s.Contains($"Visa letter {letterId}", StringComparison.Ordinal));
        Assert.All(audit, s => Assert.DoesNotContain(number, s, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every XML part of an .xlsx (cells, shared strings), as text.</summary>
    private static string XlsxText(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(reader.ReadToEnd());
        }
        return text.ToString();
    }
}
