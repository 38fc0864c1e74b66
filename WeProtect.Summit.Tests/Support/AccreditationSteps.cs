using AngleSharp.Html.Dom;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace WeProtect.Summit.Tests.Support;

/// <summary>A delegate's accreditation through its page (travel document, photo), and the images the tests upload.</summary>
public static class AccreditationSteps
{
    /// <summary>A passport number no other test uses, registered as personal data: the app's log must never hold it.</summary>
    public static string NewDocumentNumber(this SummitAppFactory app)
    {
        var number = "P" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.PersonalValues.Add(number);
        return number;
    }

    public static string AccreditationUrl(int registrationId) => $"/Registration/Accreditation/{registrationId}";

    /// <summary>Saves nationality, number and an expiry five years after the summit through the page's form.</summary>
    public static async Task<IHtmlDocument> SaveDocumentAsync(this FormClient client, int registrationId, string number, string nationality = "KE",
        DateOnly? expiry = null)
    {
        var page = await client.GetPageAsync(AccreditationUrl(registrationId));
        var (response, after) = await client.SubmitAndFollowAsync(page, "form#accreditation-form", new Dictionary<string, string>
        {
            ["NationalityCode"] = nationality,
            ["DocumentNumber"] = number,
            ["DocumentExpiry"] = (expiry ?? DateOnly.FromDateTime(DateTime.UtcNow).AddYears(5)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return after;
    }

    /// <summary>Uploads a file to the photo form; the page shown afterwards (or the form again with its error).</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> UploadPhotoAsync(this FormClient client, int registrationId,
        byte[] bytes, string fileName)
    {
        var page = await client.GetPageAsync(AccreditationUrl(registrationId));
        return await client.SubmitAndFollowAsync(page, "form#accreditation-form", submitter: "#photo-submit", files: new Dictionary<string, (string, byte[])> { ["Photo"] = (fileName, bytes) });
    }

    /// <summary>A complete accreditation (document and photo) through the page.</summary>
    public static async Task<string> CompleteAccreditationAsync(this SummitAppFactory app, FormClient client, int registrationId)
    {
        var number = app.NewDocumentNumber();
        await client.SaveDocumentAsync(registrationId, number);
        var (_, page) = await client.UploadPhotoAsync(registrationId, Png(640, 480), "me.png");
        Assert.Equal("true", page.QuerySelector("#accreditation-state")?.GetAttribute("data-complete"));
        return number;
    }

    public static byte[] Png(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height, Color.SteelBlue.ToPixel<Rgb24>());
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }

    /// <summary>A JPEG as a phone writes it: camera make and the place it was taken (GPS) in its EXIF.</summary>
    public static byte[] JpegWithGps(int width = 800, int height = 600)
    {
        using var image = new Image<Rgb24>(width, height, Color.DarkOliveGreen.ToPixel<Rgb24>());
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "TestPhone");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(51, 1), new Rational(30, 1), new Rational(12, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "W");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(0, 1), new Rational(7, 1), new Rational(40, 1)]);
        image.Metadata.ExifProfile = exif;
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }
}
