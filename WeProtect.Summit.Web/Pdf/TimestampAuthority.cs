using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>An RFC 3161 timestamp authority, when <c>Communiques:TimestampAuthority</c> names one (its address). Each
/// signature value is sent as a SHA-256 imprint with a fresh nonce, and the answer must be a granted token for
/// exactly that imprint and nonce, signed by the authority's certificate (included on request), which chains to the
/// certificate file (PEM or DER) <c>Communiques:TimestampAuthorityCertificate</c> names or, without one, to the system's
/// trusted roots as a timestamping certificate.
/// Anything else — no answer within <c>Communiques:TimestampTimeoutSeconds</c> (default 30), an error status,
/// garbage, a token for other data, an untrusted signer — throws with the reason, so that publication fails and
/// is retried rather than publishing without the timestamp that was configured.</summary>
public sealed class TimestampAuthority(IConfiguration configuration)
{
    public const string AddressKey = "Communiques:TimestampAuthority";
    public const string CertificateKey = "Communiques:TimestampAuthorityCertificate";
    public const string TimeoutKey = "Communiques:TimestampTimeoutSeconds";

    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>This authority when one is configured, else null (signatures then stay at PAdES B-B).</summary>
    public TimestampAuthority? IfConfigured() => string.IsNullOrWhiteSpace(configuration[AddressKey]) ? null : this;

    public async Task<Rfc3161TimestampToken> StampAsync(byte[] signatureValue, CancellationToken ct)
    {
        var address = new Uri(configuration[AddressKey] ?? throw new InvalidOperationException($"{AddressKey} is not configured."));
        var nonce = RandomNumberGenerator.GetBytes(16);
        nonce[0] &= 0x7F; // a positive INTEGER
        var request = Rfc3161TimestampRequest.CreateFromData(signatureValue, HashAlgorithmName.SHA256, nonce: nonce, requestSignerCertificates: true);
        byte[] answer;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(int.TryParse(configuration[TimeoutKey], out var seconds) && seconds > 0 ? seconds : 30));
            try
            {
                using var content = new ByteArrayContent(request.Encode());
                content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
                using var response = await Http.PostAsync(address, content, timeout.Token);
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"The timestamp authority {address} answered HTTP {(int)response.StatusCode}: no timestamp, nothing published.");
                answer = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new InvalidOperationException($"The timestamp authority {address} did not answer in time: no timestamp, nothing published.");
            }
            catch (HttpRequestException ex)
            {
                throw new InvalidOperationException($"The timestamp authority {address} could not be reached ({ex.Message}): no timestamp, nothing published.", ex);
            }
        }

        Rfc3161TimestampToken token;
        try
        {
            token = request.ProcessResponse(answer, out _);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"The timestamp authority {address} did not answer with a valid timestamp for this signature ({ex.Message}): nothing published.", ex);
        }
        if (!token.VerifySignatureForData(signatureValue, out var signer) || signer is null)
            throw new InvalidOperationException($"The timestamp from {address} does not verify: its signature or its imprint is wrong. Nothing published.");
        using (signer)
        {
            if (TrustedRoot() is { } root)
            {
                using (root)
                    if (!ChainsTo(signer, root))
                        throw new InvalidOperationException($"The timestamp from {address} is signed by \"{signer.Subject}\", which does not chain to the trusted certificate ({CertificateKey}). Nothing published.");
            }
            else if (!ChainsToSystemRoots(signer))
                throw new InvalidOperationException($"The timestamp from {address} is signed by \"{signer.Subject}\", which no certificate authority this server trusts vouches for "
                    + $"as a timestamp authority: name the authority's certificate in {CertificateKey}, or use an authority whose certificate chains to the system's trusted roots. Nothing published.");
        }
        return token;
    }

    private X509Certificate2? TrustedRoot()
    {
        var path = configuration[CertificateKey];
        if (string.IsNullOrWhiteSpace(path)) return null;
        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new InvalidOperationException($"The timestamp authority's certificate ({CertificateKey}) could not be read: {ex.Message}", ex);
        }
    }

    /// <summary>Without a configured certificate, the operating system's trusted roots decide, and the signer must be
    /// meant for timestamps (extended key usage id-kp-timeStamping): otherwise any self-made certificate would do.
    /// Revocation is not checked online (publication must not depend on a CRL server answering).</summary>
    private static bool ChainsToSystemRoots(X509Certificate2 signer)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.System;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid("1.3.6.1.5.5.7.3.8"));
        return chain.Build(signer);
    }

    private static bool ChainsTo(X509Certificate2 signer, X509Certificate2 root)
    {
        if (signer.RawData.AsSpan().SequenceEqual(root.RawData)) return true;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(signer);
    }
}
