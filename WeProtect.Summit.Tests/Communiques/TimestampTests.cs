using System.Globalization;
using System.Text;
using System.Diagnostics;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text.RegularExpressions;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Web.Pdf;
using Microsoft.Extensions.Configuration;

namespace WeProtect.Summit.Tests.Communiques;

/// <summary>PAdES: with a timestamp authority configured, a communiqué is signed ETSI.CAdES.detached with
/// signing-certificate-v2 and an RFC 3161 signature timestamp from the (local) authority; an authority that answers
/// garbage, a tampered token, nothing in time, or is not trusted makes the publication fail with that reason.</summary>
public partial class TimestampTests(TimestampedApp app) : IClassFixture<TimestampedApp>
{
    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRange();

    /// <summary>The CMS of the (last) signature, decoded, and the signer.</summary>
    private static SignerInfo SignerOf(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var m = ByteRange().Matches(text).Last();
        var (end1, start2) = (long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
        var der = Convert.FromHexString(text[(int)(end1 + 1)..(int)(start2 - 1)]);
        AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.BER, out _, out _, out var length);
        var cms = new SignedCms();
        cms.Decode(der[..length]);
        return cms.SignerInfos[0];
    }

    [Fact]
    public async Task A_communique_is_signed_PAdES_B_T_valid_for_pdfsig_with_a_token_from_the_local_authority()
    {
        app.Authority.Answer = LocalTimestampAuthority.Behaviour.Good;
        var closed = await app.ClosedStatementAsync();
        var pdf = (await app.PublishedAsync(closed.StatementId)).Pdf!;

        var report = await PdfTools.PdfsigAsync(pdf);
        Assert.Contains("Signature is Valid.", report);
        Assert.Contains("ETSI.CAdES.detached", report);
        Assert.Contains("Total document signed", report);

        var signer = SignerOf(pdf);
        // B-B: signing-certificate-v2 names the signing certificate; no signing-time attribute (the time is /M).
        var signed = signer.SignedAttributes.Cast<CryptographicAttributeObject>().ToList();
        var v2 = Assert.Single(signed, a => a.Oid.Value == PadesSigner.SigningCertificateV2Oid);
        Assert.Equal(PadesSigner.SigningCertificateV2(signer.Certificate!), v2.Values[0].RawData);
        Assert.DoesNotContain(signed, a => a.Oid.Value == "1.2.840.113549.1.9.5");

        // B-T: the token verifies against the local authority's certificate and covers the signature value.
        var stamp = Assert.Single(signer.UnsignedAttributes.Cast<CryptographicAttributeObject>(), a => a.Oid.Value == PadesSigner.SignatureTimestampOid);
        Assert.True(Rfc3161TimestampToken.TryDecode(stamp.Values[0].RawData, out var token, out _));
        Assert.True(token!.VerifySignatureForSignerInfo(signer, out var authority));
        Assert.Equal(app.Authority.Certificate.Thumbprint, authority!.Thumbprint);
        Assert.Equal(SHA256.HashData(signer.GetSignature()), token.TokenInfo.GetMessageHash().ToArray());
        Assert.Contains("Verification: OK", await OpensslTsVerifyAsync(stamp.Values[0].RawData, signer.GetSignature()));

        var check = PdfSignatureVerifier.Verify(pdf);
        Assert.True(check.IsValid, check.Problem);
        Assert.Equal("ETSI.CAdES.detached", check.SubFilter);
        Assert.NotNull(check.TimestampUtc);

        using var visitor = app.CreateFormClient();
        var (_, page) = await visitor.VerifyAsync(pdf);
        Assert.Contains("PAdES B-T", page.QuerySelector("#signature-format")!.TextContent);
        Assert.Contains("Local test timestamp authority", page.QuerySelector("#timestamp")!.TextContent);
    }

    /// <summary>openssl's own check: the token against the authority's certificate, over the SHA-256 of the signature value.</summary>
    private async Task<string> OpensslTsVerifyAsync(byte[] token, byte[] signatureValue)
    {
        var folder = Path.Combine(app.DataFolder, "openssl-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var (tokenFile, caFile) = (Path.Combine(folder, "token.der"), Path.Combine(folder, "tsa.pem"));
        await File.WriteAllBytesAsync(tokenFile, token);
        await File.WriteAllTextAsync(caFile, app.Authority.Certificate.ExportCertificatePem());
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "ts", "-verify", "-token_in", "-in", tokenFile, "-digest", Convert.ToHexStringLower(SHA256.HashData(signatureValue)), "-CAfile", caFile })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    [Theory]
    [InlineData(LocalTimestampAuthority.Behaviour.Garbage, "did not answer with a valid timestamp")]
    [InlineData(LocalTimestampAuthority.Behaviour.Tampered, "timestamp")]
    [InlineData(LocalTimestampAuthority.Behaviour.Silent, "did not answer in time")]
    public async Task A_failing_timestamp_authority_fails_the_publication_with_its_reason(LocalTimestampAuthority.Behaviour behaviour, string reason)
    {
        app.Authority.Answer = behaviour;
        try
        {
            var closed = await QueueAsync();
            var communique = await app.WaitForCommuniqueAsync(closed, c => c.LastError is not null);
            Assert.NotEqual(CommuniqueStatus.Published, communique.Status);
            Assert.Null(communique.Pdf);
            Assert.Contains(reason, communique.LastError);
            Assert.Contains("nothing published", communique.LastError, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            app.Authority.Answer = LocalTimestampAuthority.Behaviour.Good;
        }
    }

    [Fact]
    public async Task A_token_from_an_authority_that_is_not_trusted_fails_the_publication()
    {
        var trusted = await File.ReadAllBytesAsync(app.TrustedCertificatePath);
        using var other = new LocalTimestampAuthority();
        await File.WriteAllBytesAsync(app.TrustedCertificatePath, other.Certificate.RawData);
        try
        {
            var closed = await QueueAsync();
            var communique = await app.WaitForCommuniqueAsync(closed, c => c.LastError is not null);
            Assert.Null(communique.Pdf);
            Assert.Contains("does not chain to the trusted certificate", communique.LastError);
        }
        finally
        {
            await File.WriteAllBytesAsync(app.TrustedCertificatePath, trusted);
        }
    }

    /// <summary>Without a certificate to trust, the system's roots decide: a self-made authority (as anyone could run)
    /// is refused, and the same authority named as trusted is accepted.</summary>
    [Fact]
    public async Task Without_a_configured_certificate_only_an_authority_the_system_trusts_is_accepted()
    {
        static TimestampAuthority With(params (string Key, string? Value)[] settings) => new(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());
        _ = app.Services; // the app writes the trusted certificate's file as it starts
        var signature = RandomNumberGenerator.GetBytes(256);
        var untrusted = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            With((TimestampAuthority.AddressKey, app.Authority.Url)).StampAsync(signature, CancellationToken.None));
        Assert.Contains("no certificate authority this server trusts", untrusted.Message);
        Assert.Contains(TimestampAuthority.CertificateKey, untrusted.Message);
        var token = await With((TimestampAuthority.AddressKey, app.Authority.Url), (TimestampAuthority.CertificateKey, app.TrustedCertificatePath))
            .StampAsync(signature, CancellationToken.None);
        Assert.Equal(SHA256.HashData(signature), token.TokenInfo.GetMessageHash().ToArray());
    }

    private async Task<int> QueueAsync()
    {
        var closed = await app.ClosedStatementAsync();
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<CommuniqueDesk>()
            .PublishAsync(closed.StatementId, Data.Audit.AuditActor.System);
        Assert.True(result.Succeeded, result.Message);
        return closed.StatementId;
    }
}
