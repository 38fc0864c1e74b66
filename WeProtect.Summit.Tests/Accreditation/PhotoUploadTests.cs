using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using WeProtect.Summit.Web.Accreditation;

namespace WeProtect.Summit.Tests.Accreditation;

/// <summary>The photo upload: the type from the content, not the name; too large and not-an-image answered plainly;
/// metadata stripped; served to the delegate, organisers and check-in staff only, never cached.</summary>
public class PhotoUploadTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    private async Task<(FormClient Client, int RegistrationId, int SummitId)> DelegateAsync()
    {
        var summit = await app.CreateOpenSummitAsync();
        var (user, registration) = await app.ApprovedDelegateAsync(summit.Id);
        return (await app.LogInAsync(user), registration.Id, summit.Id);
    }

    private Task<byte[]?> StoredPhotoAsync(int registrationId) => app.WithDbAsync(db =>
        db.Accreditations.Where(a => a.RegistrationId == registrationId).Select(a => a.Photo).FirstOrDefaultAsync());

    [Fact]
    public async Task A_png_named_jpg_is_read_as_png_and_kept_as_a_square_jpeg()
    {
        var (client, registrationId, _) = await DelegateAsync();
        var (response, page) = await client.UploadPhotoAsync(registrationId, AccreditationSteps.Png(640, 480), "photo.jpg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#accreditation-photo"));
        var stored = await StoredPhotoAsync(registrationId);
        Assert.NotNull(stored);
        var info = Image.Identify(stored, out var format);
        Assert.Equal(JpegFormat.Instance, format);
        Assert.Equal((PhotoReader.Side, PhotoReader.Side), (info.Width, info.Height));
        Assert.Equal("PNG", PhotoReader.Read(AccreditationSteps.Png(640, 480)).DetectedFormat);
    }

    [Fact]
    public async Task A_text_file_named_png_is_refused_and_nothing_is_kept()
    {
        var (client, registrationId, _) = await DelegateAsync();
        var (response, page) = await client.UploadPhotoAsync(registrationId, "just some text, not an image\n"u8.ToArray(), "photo.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PhotoReader.NotAnImage, page.Body!.TextContent);
        Assert.Null(await StoredPhotoAsync(registrationId));
    }

    [Fact]
    public async Task A_30_mb_upload_gets_a_plain_message_and_nothing_is_kept()
    {
        var (client, registrationId, _) = await DelegateAsync();
        var huge = new byte[30 * 1024 * 1024];
        AccreditationSteps.Png(300, 300).CopyTo(huge, 0); // a real image header, padded

        var (response, page) = await client.UploadPhotoAsync(registrationId, huge, "camera-original.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is larger than 10 MB", page.Body!.TextContent);
        Assert.Null(await StoredPhotoAsync(registrationId));
    }

    [Theory]
    [InlineData("not-an-image")]
    [InlineData("too-large")]
    public async Task A_refused_photo_shows_again_the_travel_document_typed_in_the_same_form_and_saves_neither(string upload)
    {
        var (client, registrationId, _) = await DelegateAsync();
        var saved = app.NewDocumentNumber();
        await client.SaveDocumentAsync(registrationId, saved);
        var typed = app.NewDocumentNumber(); // personal data: the log must never hold it
        var expiry = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (name, bytes) = upload == "too-large"
            ? ("camera-original.png", new byte[PhotoReader.MaxBytes + 1])
            : ("photo.png", "just some text, not an image\n"u8.ToArray());

        var page = await client.GetPageAsync(AccreditationSteps.AccreditationUrl(registrationId));
        var (response, after) = await client.SubmitAndFollowAsync(page, "form#accreditation-form",
            new Dictionary<string, string> { ["NationalityCode"] = "GH", ["DocumentNumber"] = typed, ["DocumentExpiry"] = expiry },
            new Dictionary<string, (string, byte[])> { ["Photo"] = (name, bytes) }, submitter: "#photo-submit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(after.QuerySelectorAll("[data-valmsg-for='Photo'] *, .field-validation-error"));
        Assert.Equal(typed, after.QuerySelector("input#DocumentNumber")?.GetAttribute("value"));
        Assert.Equal(expiry, after.QuerySelector("input#DocumentExpiry")?.GetAttribute("value"));
        Assert.Equal("GH", after.QuerySelector("#NationalityCode option[selected]")?.GetAttribute("value"));
        Assert.Null(after.QuerySelector("input#Photo")?.GetAttribute("value")); // never the file
        var stored = await app.WithDbAsync(db => db.Accreditations.AsNoTracking().SingleAsync(a => a.RegistrationId == registrationId));
        Assert.Equal(("KE", (byte[]?)null), (stored.NationalityCode, stored.Photo));
        Assert.Equal(saved, app.Services.GetRequiredService<Data.Accreditations.DocumentNumberProtector>().Unprotect(stored.ProtectedDocumentNumber!));
    }

    [Fact]
    public async Task Gps_and_camera_metadata_are_stripped_from_the_kept_photo()
    {
        var original = AccreditationSteps.JpegWithGps();
        // The upload does carry the metadata, so that the test can fail.
        Assert.NotNull(Image.Identify(original).Metadata.ExifProfile?.GetValue(ExifTag.GPSLatitude));
        var (client, registrationId, _) = await DelegateAsync();

        await client.UploadPhotoAsync(registrationId, original, "IMG_0001.JPG");

        var served = await client.GetAsync($"/Registration/Photo/{registrationId}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        var metadata = Image.Identify(bytes).Metadata;
        Assert.Null(metadata.ExifProfile);
        Assert.Null(metadata.XmpProfile);
        Assert.Null(metadata.IptcProfile);
        Assert.True(bytes.AsSpan().IndexOf("TestPhone"u8) < 0, "The camera's make is still in the file");
    }

    [Fact]
    public async Task The_photo_is_served_to_the_delegate_organisers_and_check_in_staff_only_and_never_cached()
    {
        var (client, registrationId, summitId) = await DelegateAsync();
        await client.UploadPhotoAsync(registrationId, AccreditationSteps.Png(400, 400), "me.png");
        var url = $"/Registration/Photo/{registrationId}";

        var own = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("image/jpeg", own.Content.Headers.ContentType?.MediaType);
        Assert.True(own.Headers.CacheControl is { NoStore: true, Private: true }, own.Headers.CacheControl?.ToString());

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        Assert.Equal(HttpStatusCode.OK, (await organiser.GetAsync(url)).StatusCode);

        var (staffClient, staffUser) = await app.LoggedInUserAsync();
        using (staffClient)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await staffClient.GetAsync(url)).StatusCode);
            await app.WithDbAsync(async db =>
            {
                db.CheckInStaff.Add(new Data.Registrations.CheckInStaff(summitId, staffUser.Id, "", app.UtcNow));
                await db.SaveChangesAsync();
            });
            Assert.Equal(HttpStatusCode.OK, (await staffClient.GetAsync(url)).StatusCode);
        }

        using var stranger = await app.LoggedInClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(AccreditationSteps.AccreditationUrl(registrationId))).StatusCode);
        using var anonymous = app.CreateFormClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_photo_is_printed_on_the_badge_and_shown_at_the_check_in_desk()
    {
        var (client, registrationId, summitId) = await DelegateAsync();
        var without = await (await client.GetAsync($"/Registration/Badge/{registrationId}")).Content.ReadAsByteArrayAsync();
        await client.UploadPhotoAsync(registrationId, AccreditationSteps.Png(400, 400), "me.png");
        var with = await (await client.GetAsync($"/Registration/Badge/{registrationId}")).Content.ReadAsByteArrayAsync();

        Assert.Equal(1, ImageCount(without)); // the QR code
        Assert.Equal(2, ImageCount(with));    // the QR code and the photo

        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var code = await app.WithDbAsync(db => db.Registrations.Where(r => r.Id == registrationId).Select(r => r.BadgeCode).SingleAsync());
        var desk = await organiser.GetPageAsync($"/Registration/Manage/CheckIn/{summitId}");
        var (_, result) = await organiser.SubmitAndFollowAsync(desk, "form#checkin-form", new Dictionary<string, string> { ["Code"] = code });
        var photo = result.QuerySelector("#checkin-photo");
        Assert.NotNull(photo);
        Assert.Equal(HttpStatusCode.OK, (await organiser.GetAsync(photo!.GetAttribute("src")!)).StatusCode);
    }

    private static int ImageCount(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return document.GetPage(1).GetImages().Count();
    }
}
