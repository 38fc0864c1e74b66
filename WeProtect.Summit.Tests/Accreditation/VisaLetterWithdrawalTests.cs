using System.Globalization;
using WeProtect.Summit.Data.Accreditations;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Tests.Communiques;

namespace WeProtect.Summit.Tests.Accreditation;

/// <summary>A letter of invitation prints the travel document: changing the document withdraws the letter (audited, the
/// delegate told, a new one may be asked for), and the Verify page then names the old copy withdrawn, not valid. A
/// refusal is e-mailed once, in the delegate's language.</summary>
public class VisaLetterWithdrawalTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private async Task<VisaLetter> IssuedLetterAsync(FormClient client, int summitId, int registrationId)
    {
        var page = await client.GetPageAsync(AccreditationSteps.AccreditationUrl(registrationId));
        await client.SubmitAndFollowAsync(page, "form#visa-letter-form");
        var letter = await app.WithDbAsync(db => db.VisaLetters.AsNoTracking().SingleAsync(v => v.RegistrationId == registrationId));
        using (var scope = app.Services.CreateScope())
        {
            var approved = await scope.ServiceProvider.GetRequiredService<VisaLetterDesk>().ApproveAsync(summitId, letter.Id, letter.Version, new AuditActor(null, "Organiser"));
            Assert.True(approved.Succeeded, approved.Message);
        }
        return await VisaLetterSteps.IssueAsync(app, letter.Id);
    }

    [Fact]
    public async Task A_changed_travel_document_withdraws_the_issued_letter_and_verify_then_says_withdrawn()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id, "Tomás Withdrawn");
        using var client = await app.LogInAsync(user);
        var number = await app.CompleteAccreditationAsync(client, registration.Id);
        var first = await IssuedLetterAsync(client, summit.Id, registration.Id);
        var pdf = first.Pdf!;

        // The same details saved again change nothing.
        await client.SaveDocumentAsync(registration.Id, number);
        Assert.Equal(VisaLetterStatus.Issued, await app.WithDbAsync(db => db.VisaLetters.Where(v => v.Id == first.Id).Select(v => v.Status).SingleAsync()));

        var saved = await client.SaveDocumentAsync(registration.Id, app.NewDocumentNumber());
        Assert.Contains("withdrawn", saved.QuerySelector("[role=status]")!.TextContent);
        var page = await client.GetPageAsync(AccreditationSteps.AccreditationUrl(registration.Id));
        Assert.Equal(nameof(VisaLetterStatus.Withdrawn), page.QuerySelector("#visa-letter")!.GetAttribute("data-status"));
        Assert.NotNull(page.QuerySelector("#visa-letter-withdrawn"));
        Assert.NotNull(page.QuerySelector("form#visa-letter-form")); // may ask again
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/Registration/VisaLetter/{first.Id}")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "visa-letter.withdrawn" && e.SubjectId == first.Id.ToString())));
        var mail = await app.WaitForMailAsync(m => m.To.ToString().Contains(user.Email!) && (m.Subject ?? "").Contains("Letter of invitation withdrawn"));
        Assert.Contains("travel document changed", mail.TextBody);

        using var anonymous = app.CreateFormClient();
        var (_, verdict) = await anonymous.VerifyAsync(pdf, "letter.pdf");
        Assert.Equal("false", verdict.QuerySelector("#verify-result")!.GetAttribute("data-valid"));
        Assert.Equal("visa-letter-withdrawn", verdict.QuerySelector("#verdict")!.GetAttribute("data-kind"));
        Assert.Contains(Reference(first.Id), verdict.QuerySelector("#verdict")!.TextContent);

        // A new letter: valid; the old copy still reads withdrawn.
        var second = await IssuedLetterAsync(client, summit.Id, registration.Id);
        var (_, fresh) = await anonymous.VerifyAsync(second.Pdf!, "letter.pdf");
        Assert.Equal("true", fresh.QuerySelector("#verify-result")!.GetAttribute("data-valid"));
        var (_, old) = await anonymous.VerifyAsync(pdf, "letter.pdf");
        Assert.Equal("visa-letter-withdrawn", old.QuerySelector("#verdict")!.GetAttribute("data-kind"));
        var verified = await app.VerifyAuditAsync();
        Assert.True(verified.IsIntact, verified.Problem);
    }

    private static string Reference(int id) => WeProtect.Summit.Web.Pdf.VisaLetterPdf.Reference(id);

    /// <summary>What the Verify page says of a file: valid or not, and the verdict's kind and words.</summary>
    private async Task<(string Valid, string? Kind, string Text)> VerdictAsync(byte[] pdf)
    {
        using var anonymous = app.CreateFormClient();
        var (_, page) = await anonymous.VerifyAsync(pdf, "letter.pdf");
        var verdict = page.QuerySelector("#verdict")!;
        return (page.QuerySelector("#verify-result")!.GetAttribute("data-valid")!, verdict.GetAttribute("data-kind"), verdict.TextContent);
    }

    [Fact]
    public async Task Rejecting_an_approved_delegate_withdraws_their_issued_letter_and_verify_says_withdrawn()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id, "Renata Rejected");
        using var client = await app.LogInAsync(user);
        await app.CompleteAccreditationAsync(client, registration.Id);
        var letter = await IssuedLetterAsync(client, summit.Id, registration.Id);
        Assert.Equal("true", (await VerdictAsync(letter.Pdf!)).Valid);

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var queue = await organiser.GetPageAsync($"/Registration/Manage/Index/{summit.Id}?status=Approved");
        var (_, shown) = await organiser.SubmitAndFollowAsync(queue, $"#decide-{registration.Id}",
            new Dictionary<string, string> { ["reason"] = "Not a member of a delegation." }, submitter: $"#reject-{registration.Id}");
        Assert.Contains("Renata Rejected: rejected.", shown.QuerySelector("#decision-report")?.TextContent ?? "");

        var (valid, kind, text) = await VerdictAsync(letter.Pdf!);
        Assert.Equal("false", valid);
        Assert.Equal("visa-letter-withdrawn", kind);
        Assert.Contains($"withdrawn on {summit.ToLocal(app.UtcNow).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}", text);
        Assert.Contains(Reference(letter.Id), text);
        Assert.Equal(VisaLetterStatus.Withdrawn, await app.WithDbAsync(db => db.VisaLetters.Where(v => v.Id == letter.Id).Select(v => v.Status).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "visa-letter.withdrawn" && e.SubjectId == letter.Id.ToString())));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/Registration/VisaLetter/{letter.Id}")).StatusCode);
        var page = await client.GetPageAsync(AccreditationSteps.AccreditationUrl(registration.Id));
        Assert.Contains("no longer approved", page.QuerySelector("#visa-letter-withdrawn")!.TextContent);
        var verified = await app.VerifyAuditAsync();
        Assert.True(verified.IsIntact, verified.Problem);
    }

    [Fact]
    public async Task Cancelling_withdraws_the_issued_letter_and_a_letter_still_in_hand_is_never_issued()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id, "Carla Cancelled");
        using var client = await app.LogInAsync(user);
        await app.CompleteAccreditationAsync(client, registration.Id);
        var letter = await IssuedLetterAsync(client, summit.Id, registration.Id);

        var details = await client.GetPageAsync($"/Registration/Details/{registration.Id}");
        var (_, after) = await client.SubmitAndFollowAsync(details, "#cancel-form");
        Assert.Contains("Your registration is cancelled.", after.Body!.TextContent);

        var (valid, kind, text) = await VerdictAsync(letter.Pdf!);
        Assert.Equal("false", valid);
        Assert.Equal("visa-letter-withdrawn", kind);
        Assert.Contains($"withdrawn on {summit.ToLocal(app.UtcNow).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}", text);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "visa-letter.withdrawn" && e.SubjectId == letter.Id.ToString())));

        // A second delegate's letter approved but not yet issued when they cancel: the job finds it withdrawn and issues nothing.
        var (other, otherRegistration) = await app.ApprovedDelegateAsync(summit.Id, "Pablo Pending");
        using var otherClient = await app.LogInAsync(other);
        await app.CompleteAccreditationAsync(otherClient, otherRegistration.Id);
        var request = await otherClient.GetPageAsync(AccreditationSteps.AccreditationUrl(otherRegistration.Id));
        await otherClient.SubmitAndFollowAsync(request, "form#visa-letter-form");
        var pending = await app.WithDbAsync(db => db.VisaLetters.AsNoTracking().SingleAsync(v => v.RegistrationId == otherRegistration.Id));
        await otherClient.SubmitAndFollowAsync(await otherClient.GetPageAsync($"/Registration/Details/{otherRegistration.Id}"), "#cancel-form");
        using (var scope = app.Services.CreateScope())
        {
            var approved = await scope.ServiceProvider.GetRequiredService<VisaLetterDesk>().ApproveAsync(summit.Id, pending.Id, pending.Version, new AuditActor(null, "Organiser"));
            Assert.False(approved.Succeeded); // not the version the organiser saw, and no longer an approved delegate's
            await scope.ServiceProvider.GetRequiredService<WeProtect.Summit.Web.Jobs.VisaLetterJob>().IssueAsync(pending.Id, CancellationToken.None);
        }
        var row = await app.WithDbAsync(db => db.VisaLetters.AsNoTracking().SingleAsync(v => v.Id == pending.Id));
        Assert.Equal(VisaLetterStatus.Withdrawn, row.Status);
        Assert.Null(row.Pdf);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "visa-letter.withdrawn" && e.SubjectId == pending.Id.ToString())));
    }

    [Fact]
    public async Task A_refusal_is_mailed_once_to_the_delegate_in_their_language_with_the_reason()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id, "Élise Refusée");
        await app.WithDbAsync(async db =>
        {
            var account = await db.Users.SingleAsync(u => u.Id == user.Id);
            Assert.Null(account.PreferLanguage("fr"));
            await db.SaveChangesAsync();
        });
        using var client = await app.LogInAsync(user);
        await app.CompleteAccreditationAsync(client, registration.Id);
        var page = await client.GetPageAsync(AccreditationSteps.AccreditationUrl(registration.Id));
        await client.SubmitAndFollowAsync(page, "form#visa-letter-form");
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var queue = await organiser.GetPageAsync($"/Registration/Manage/VisaLetters/{summit.Id}");
        await organiser.SubmitAndFollowAsync(queue, "form.refuse-form", new Dictionary<string, string> { ["Reason"] = "Aucun visa n'est requis." });
        // The same (stale) form posted again is a conflict: no second decision, no second e-mail.
        await organiser.SubmitAndFollowAsync(queue, "form.refuse-form", new Dictionary<string, string> { ["Reason"] = "Encore." });
        await app.WaitForAllMailAsync();

        var letterId = await app.WithDbAsync(db => db.VisaLetters.Where(v => v.RegistrationId == registration.Id).Select(v => v.Id).SingleAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKinds.VisaLetterRefused && n.SubjectId == letterId)));
        var mail = Assert.Single(app.SentMail(), m => m.To.ToString().Contains(user.Email!) && (m.Subject ?? "").Contains("Lettre d’invitation refusée"));
        Assert.Contains("Aucun visa n'est requis.", mail.TextBody);
        Assert.Contains("Bonjour Élise Refusée", mail.TextBody);
    }
}
