using WeProtect.Summit.Data.Accreditations;

namespace WeProtect.Summit.Tests.Accreditation;

/// <summary>The accreditation page's one form with two buttons: whichever is pressed, what the form brings (a travel
/// document typed, a photo chosen) is saved, or nothing is and the page says why; never half of it silently.</summary>
public class AccreditationFormTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private static string Expiry(int years) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddYears(years).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(FormClient Client, int RegistrationId)> DelegateAsync()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id);
        return (await app.LogInAsync(user), registration.Id);
    }

    private Task<Data.Accreditations.Accreditation?> StoredAsync(int registrationId) => app.WithDbAsync(db =>
        db.Accreditations.AsNoTracking().FirstOrDefaultAsync(a => a.RegistrationId == registrationId));

    private string? Number(Data.Accreditations.Accreditation? stored) => stored?.ProtectedDocumentNumber is { } p
        ? app.Services.GetRequiredService<DocumentNumberProtector>().Unprotect(p) : null;

    [Theory]
    [InlineData("#photo-submit")]
    [InlineData("#document-submit")]
    public async Task Either_button_saves_the_typed_document_and_the_chosen_photo_together(string button)
    {
        var (client, registrationId) = await DelegateAsync();
        var number = app.NewDocumentNumber();
        var page = await client.GetPageAsync(AccreditationSteps.AccreditationUrl(registrationId));

        var (response, after) = await client.SubmitAndFollowAsync(page, "form#accreditation-form",
            new Dictionary<string, string> { ["NationalityCode"] = "GH", ["DocumentNumber"] = number, ["DocumentExpiry"] = Expiry(6) },
            new Dictionary<string, (string, byte[])> { ["Photo"] = ("me.png", AccreditationSteps.Png(500, 500)) }, submitter: button);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await StoredAsync(registrationId);
        Assert.Equal(("GH", number), (stored?.NationalityCode, Number(stored)));
        Assert.NotNull(stored!.Photo);
        Assert.Equal("true", after.QuerySelector("#accreditation-state")?.GetAttribute("data-complete"));
        var status = after.QuerySelector("#status")?.TextContent ?? "";
        Assert.Contains("Your travel document is saved.", status);
        Assert.Contains("Your photo is saved.", status);
    }

    [Fact]
    public async Task The_photo_button_leaves_an_unchanged_document_alone_and_saves_the_photo()
    {
        var (client, registrationId) = await DelegateAsync();
        var number = app.NewDocumentNumber();
        await client.SaveDocumentAsync(registrationId, number);

        var (_, after) = await client.UploadPhotoAsync(registrationId, AccreditationSteps.Png(500, 500), "me.png");

        var stored = await StoredAsync(registrationId);
        Assert.NotNull(stored!.Photo);
        Assert.Equal("Your photo is saved.", after.QuerySelector("#status")?.TextContent.Trim());
        // The document was saved once, by its own button: the photo button did not save it again.
        Assert.Equal(["accreditation.document-saved", "accreditation.photo-saved"], await app.AuditActionsAsync("Accreditation", stored.Id));
    }

    [Fact]
    public async Task A_wrong_document_beside_a_good_photo_saves_neither_and_asks_for_the_photo_again()
    {
        var (client, registrationId) = await DelegateAsync();
        var typed = app.NewDocumentNumber();
        var page = await client.GetPageAsync(AccreditationSteps.AccreditationUrl(registrationId));

        // Expired before the summit ends.
        var (response, after) = await client.SubmitAndFollowAsync(page, "form#accreditation-form",
            new Dictionary<string, string> { ["NationalityCode"] = "GH", ["DocumentNumber"] = typed, ["DocumentExpiry"] = Expiry(-1) },
            new Dictionary<string, (string, byte[])> { ["Photo"] = ("me.png", AccreditationSteps.Png(500, 500)) }, submitter: "#photo-submit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await StoredAsync(registrationId));
        Assert.Contains("expires before the summit ends", after.QuerySelector("[data-valmsg-for='DocumentExpiry']")?.TextContent);
        Assert.Contains("choose the photo again", after.QuerySelector("[data-valmsg-for='Photo']")?.TextContent);
        Assert.Equal(typed, after.QuerySelector("input#DocumentNumber")?.GetAttribute("value"));
        Assert.Equal("GH", after.QuerySelector("#NationalityCode option[selected]")?.GetAttribute("value"));
    }
}
