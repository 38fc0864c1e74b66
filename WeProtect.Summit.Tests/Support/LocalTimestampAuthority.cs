using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;

namespace WeProtect.Summit.Tests.Support;

/// <summary>An RFC 3161 timestamp authority on 127.0.0.1 (HttpListener, BouncyCastle's TSP classes), with a
/// self-signed certificate made for the run (extended key usage timeStamping, critical). <see cref="Answer"/> turns it
/// into the failures a real one can show: garbage, a token whose signature was tampered with, or no answer.</summary>
public sealed class LocalTimestampAuthority : IDisposable
{
    public enum Behaviour { Good, Garbage, Tampered, Silent }

    private readonly HttpListener listener = new();
    private readonly RSA key = RSA.Create(2048);
    private readonly TimeStampResponseGenerator responder;
    private readonly CancellationTokenSource stopping = new();
    private long serial;

    public LocalTimestampAuthority()
    {
        var request = new CertificateRequest("CN=Local test timestamp authority", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8")], critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        var now = DateTimeOffset.UtcNow;
        Certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        var bcCertificate = DotNetUtilities.FromX509Certificate(Certificate);
        var tokens = new TimeStampTokenGenerator(DotNetUtilities.GetRsaKeyPair(key).Private, bcCertificate, TspAlgorithms.Sha256, "1.3.6.1.4.1.55555.1");
        tokens.SetCertificates(CollectionUtilities.CreateStore(new[] { bcCertificate }));
        responder = new TimeStampResponseGenerator(tokens, TspAlgorithms.Allowed);

        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/tsa";
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = ServeAsync();
    }

    public X509Certificate2 Certificate { get; }
    public string Url { get; }
    public Behaviour Answer { get; set; } = Behaviour.Good;
    public int Requests => (int)Interlocked.Read(ref serial);

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var number = Interlocked.Increment(ref serial);
            byte[] answer;
            switch (Answer)
            {
                case Behaviour.Silent:
                    await Task.Delay(Timeout.Infinite, stopping.Token);
                    return;
                case Behaviour.Garbage:
                    answer = "this is not a timestamp"u8.ToArray();
                    break;
                default:
                    var request = new TimeStampRequest(body.ToArray());
                    answer = responder.Generate(request, BigInteger.ValueOf(number), DateTime.UtcNow).GetEncoded();
                    // The last byte of the response is the last byte of the token's signature value.
                    if (Answer == Behaviour.Tampered) answer[^1] ^= 0x01;
                    break;
            }
            context.Response.ContentType = "application/timestamp-reply";
            context.Response.ContentLength64 = answer.Length;
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException)
        {
            // Stopping.
        }
    }

    private int disposed;

    /// <summary>Idempotent: the factory that owns it may be disposed both synchronously and asynchronously.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        stopping.Cancel();
        listener.Close();
        Certificate.Dispose();
        key.Dispose();
        stopping.Dispose();
    }
}
