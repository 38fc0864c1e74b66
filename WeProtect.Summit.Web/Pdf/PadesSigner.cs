using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf.Signatures;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>PDFsharp's custom signer (<see cref="IDigitalSigner"/>) writing a PAdES baseline signature: a detached CMS
/// SignedData over the /ByteRange with SHA-256, the signed attributes content-type, message-digest and
/// signing-certificate-v2 (ESS, RFC 5035: the SHA-256 of the signing certificate and its issuer and serial), no
/// signing-time attribute (PAdES puts the claimed time in the dictionary's /M) — level B-B; and, with a timestamp
/// authority, an RFC 3161 signature timestamp over the signature value as the unsigned attribute
/// id-aa-signatureTimeStampToken — level B-T.
///
/// PDFsharp 6.2.4 writes <c>/SubFilter /adbe.pkcs7.detached</c> and offers no option for it. PAdES requires
/// <c>/ETSI.CAdES.detached</c>, a name of exactly the same length: this signer signs the bytes with the name
/// replaced, and <see cref="PdfSigner"/> makes the same replacement in the saved file, so the signature covers
/// exactly the bytes of the file (checked before the file is returned).</summary>
public sealed class PadesSigner(X509Certificate2 certificate, TimestampAuthority? timestamps, CancellationToken ct = default) : IDigitalSigner
{
    public static readonly byte[] PdfSharpSubFilter = "/adbe.pkcs7.detached"u8.ToArray();
    public static readonly byte[] PadesSubFilter = "/ETSI.CAdES.detached"u8.ToArray();
    public const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";
    public const string SignatureTimestampOid = "1.2.840.113549.1.9.16.2.14";

    /// <summary>Room for the CMS: the certificate, the signature and a timestamp token with its authority's certificate.</summary>
    private const int ReservedBytes = 24 * 1024;

    public string CertificateName => certificate.GetNameInfo(X509NameType.SimpleName, false);

    public Task<int> GetSignatureSizeAsync() => Task.FromResult(ReservedBytes);

    public async Task<byte[]> GetSignatureAsync(Stream stream)
    {
        // In one read of its whole length: PDFsharp's RangedStream refuses to seek, and reads its ranges from their
        // offsets only when asked for everything at once (a partial read starts where its writer left the file).
        var data = new byte[stream.Length];
        if (stream.Read(data, 0, data.Length) != data.Length)
            throw new InvalidOperationException("The bytes to sign could not be read in full.");
        if (!ReplaceLast(data, PdfSharpSubFilter, PadesSubFilter))
            throw new InvalidOperationException("The signature dictionary's /SubFilter was not found in the signed bytes.");

        var cms = new SignedCms(new ContentInfo(data), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"), // SHA-256
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2Oid, SigningCertificateV2(certificate)));
        cms.ComputeSignature(signer, silent: true);
        if (timestamps is not null)
        {
            var signerInfo = cms.SignerInfos[0];
            var token = await timestamps.StampAsync(signerInfo.GetSignature(), ct);
            signerInfo.AddUnsignedAttribute(new AsnEncodedData(SignatureTimestampOid, token.AsSignedCms().Encode()));
        }
        var encoded = cms.Encode();
        if (encoded.Length > ReservedBytes)
            throw new InvalidOperationException($"The signature ({encoded.Length} bytes) does not fit the {ReservedBytes} bytes reserved for it.");
        return encoded;
    }

    /// <summary>Replaces the last occurrence of <paramref name="from"/> with <paramref name="to"/> (same length) in place.</summary>
    public static bool ReplaceLast(byte[] bytes, byte[] from, byte[] to)
    {
        var at = bytes.AsSpan().LastIndexOf(from);
        if (at < 0 || from.Length != to.Length) return false;
        to.CopyTo(bytes, at);
        return true;
    }

    /// <summary>SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 ::= SEQUENCE {
    /// certHash OCTET STRING (SHA-256, the default algorithm, so not written), issuerSerial IssuerSerial };
    /// IssuerSerial ::= SEQUENCE { issuer GeneralNames (directoryName [4]), serialNumber INTEGER }.</summary>
    public static byte[] SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                    writer.WriteEncodedValue(certificate.IssuerName.RawData);
                // The serial as the certificate encodes it (not re-minimised: a certificate's own INTEGER may not be).
                var serial = certificate.SerialNumberBytes.Span;
                writer.WriteEncodedValue([0x02, (byte)serial.Length, .. serial]);
            }
        }
        return writer.Encode();
    }
}
