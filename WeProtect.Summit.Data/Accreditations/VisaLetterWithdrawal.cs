namespace WeProtect.Summit.Data.Accreditations;

/// <summary>A letter of invitation withdrawn because the travel document it printed changed or its registration ended: what the Verify page needs
/// to name a copy of it withdrawn (its SHA-256, certificate and dates), kept when the delegate asks again and the row of
/// <see cref="VisaLetter"/> is reused. Holds no personal data.</summary>
public class VisaLetterWithdrawal
{
    private VisaLetterWithdrawal() { }

    public VisaLetterWithdrawal(int visaLetterId, int summitId, string sha256, string? certificateThumbprint, DateTime issuedUtc, DateTime withdrawnUtc) =>
        (VisaLetterId, SummitId, Sha256, CertificateThumbprint, IssuedUtc, WithdrawnUtc) =
        (visaLetterId, summitId, sha256, certificateThumbprint, issuedUtc, withdrawnUtc);

    public int Id { get; private set; }
    public int VisaLetterId { get; private set; }
    public int SummitId { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string? CertificateThumbprint { get; private set; }
    public DateTime IssuedUtc { get; private set; }
    public DateTime WithdrawnUtc { get; private set; }
}
