using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Processing;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Web.Accreditation;

/// <summary>Turns an uploaded photo into the one the app keeps: the type is read from the content (JPEG or PNG,
/// whatever the file's name or Content-Type says), the image decoded and turned upright, cropped square on its
/// centre, scaled to <see cref="Side"/> pixels and encoded again as JPEG with no metadata at all (no EXIF, GPS, XMP,
/// IPTC or ICC profile of the original). Anything else gets a plain reason, never an exception: a <see cref="DeskText"/>,
/// which the page says in the delegate's language.</summary>
public static class PhotoReader
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int Side = 600;
    public const int MinSide = 200;
    /// <summary>Decoding a huge canvas costs memory whatever the file's size (a "pixel bomb"): refused before decoding.</summary>
    public const long MaxPixels = 40_000_000;
    public const string ContentType = "image/jpeg";

    public const string NotAnImage = "This file is not a JPEG or PNG image: upload a photo taken with a camera or phone, or a scan, as .jpg or .png.";

    // Only the two formats accepted: anything else is "unknown" to this configuration.
    private static readonly Configuration Formats = new(new JpegConfigurationModule(), new PngConfigurationModule());

    public sealed record Result(byte[]? Jpeg, DeskText? Problem, string? DetectedFormat);

    public static Result Read(byte[] upload)
    {
        IImageFormat? format;
        IImageInfo? info;
        try
        {
            format = Image.DetectFormat(Formats, upload);
            using var stream = new MemoryStream(upload, writable: false);
            info = format is null ? null : Image.Identify(Formats, stream);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // Whatever a decoder throws on bytes it cannot read (ImageFormatException and its kind, or worse), the
            // answer to the delegate is the same.
            return new(null, NotAnImage, null);
        }
        if (format is null || info is null) return new(null, NotAnImage, null);
        if ((long)info.Width * info.Height > MaxPixels)
            return new(null, $"This image is {info.Width} × {info.Height} pixels: make it smaller than {MaxPixels / 1_000_000} megapixels.", format.Name);
        if (Math.Min(info.Width, info.Height) < MinSide)
            return new(null, $"This image is {info.Width} × {info.Height} pixels: a photo needs at least {MinSide} pixels on each side.", format.Name);
        try
        {
            using var image = Image.Load(Formats, upload);
            image.Mutate(x => x.AutoOrient().Resize(new ResizeOptions
            {
                Size = new Size(Side, Side),
                Mode = ResizeMode.Crop,
                Position = AnchorPositionMode.Center,
            }));
            StripMetadata(image);
            using var output = new MemoryStream();
            image.SaveAsJpeg(output, new JpegEncoder { Quality = 85 });
            return new(output.ToArray(), null, format.Name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return new(null, "This image is damaged and cannot be read: upload another copy.", format.Name);
        }
    }

    private static void StripMetadata(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IccProfile = null;
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.XmpProfile = null;
            frame.Metadata.IccProfile = null;
        }
    }
}
