namespace WeProtect.Summit.Data.Accreditations;

/// <summary>A delegate's accreditation for one registration: nationality, travel document (passport or ID) and
/// photo. Personal data kept apart from the registration, in columns named for what they hold, so that erasing it
/// is one update: the document number is stored only encrypted (<see cref="DocumentNumberProtector"/>), the photo
/// only as the JPEG the app re-encoded (no metadata of the original).</summary>
public class Accreditation
{
    public const int DocumentNumberMinLength = 5;
    public const int DocumentNumberMaxLength = 20;
    public const string NothingGiven = "your nationality, travel document and photo";

    public int Id { get; private set; }
    public int RegistrationId { get; private set; }
    /// <summary>ISO 3166-1 alpha-2 (see <see cref="Geography.Countries"/>).</summary>
    public string? NationalityCode { get; private set; }
    /// <summary>The passport or ID number, encrypted with data protection; never shown except masked
    /// (<see cref="DocumentNumbers.Mask"/>), to the delegate when editing, and on the visa letter.</summary>
    public string? ProtectedDocumentNumber { get; private set; }
    public DateOnly? DocumentExpiry { get; private set; }
    /// <summary>The photo, square JPEG re-encoded by the app (no EXIF, no GPS).</summary>
    public byte[]? Photo { get; private set; }
    public DateTime? PhotoUpdatedUtc { get; private set; }
    public DateTime UpdatedUtc { get; private set; }
    /// <summary>Optimistic concurrency.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    private Accreditation() { }

    public Accreditation(int registrationId, DateTime nowUtc) => (RegistrationId, UpdatedUtc) = (registrationId, nowUtc);

    /// <summary>Nationality, the already encrypted number and its expiry, validated by the caller
    /// (<see cref="DocumentNumbers.Validate"/>).</summary>
    public void SetDocument(string nationalityCode, string protectedNumber, DateOnly expiry, DateTime nowUtc)
    {
        (NationalityCode, ProtectedDocumentNumber, DocumentExpiry, UpdatedUtc) = (nationalityCode, protectedNumber, expiry, nowUtc);
        Version = Guid.NewGuid();
    }

    /// <summary>The re-encoded photo (see the web project's photo reader, which checks and cleans the upload).</summary>
    public void SetPhoto(byte[] jpeg, DateTime nowUtc)
    {
        (Photo, PhotoUpdatedUtc, UpdatedUtc) = (jpeg, nowUtc, nowUtc);
        Version = Guid.NewGuid();
    }

    public bool HasDocument => NationalityCode is not null && ProtectedDocumentNumber is not null && DocumentExpiry is not null;

    /// <summary>Everything a badge and a visa letter need.</summary>
    public bool IsComplete => HasDocument && Photo is not null;

    /// <summary>What is still missing, in words to the delegate ("your photo"), or null when complete.</summary>
    public string? Missing() => MissingOf(HasDocument, Photo is not null, theirs: false);

    /// <summary>What the delegate has still to give, in words about them to someone else ("their photo"): to their
    /// delegation's focal point. Null when complete; <paramref name="accreditation"/> null when nothing is given.</summary>
    public static string? MissingTheirs(Accreditation? accreditation) =>
        MissingOf(accreditation?.HasDocument == true, accreditation?.Photo is not null, theirs: true);

    private static string? MissingOf(bool hasDocument, bool hasPhoto, bool theirs) => (hasDocument, hasPhoto) switch
    {
        (true, true) => null,
        (false, true) => theirs ? "their nationality and travel document" : "your nationality and travel document",
        (true, false) => theirs ? "their photo" : "your photo",
        _ => theirs ? "their nationality, travel document and photo" : NothingGiven,
    };
}
