using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace WeProtect.Summit.Tests.Support;

/// <summary>A real SMTP server on 127.0.0.1 (SmtpServer, in-process) as production mail goes: STARTTLS with a
/// self-signed certificate made here, and AUTH required (allowed only once the connection is encrypted). It keeps
/// every message it accepts with how it came (encrypted? who authenticated?), can refuse chosen recipients for good
/// (550) or every message for a while (451), and can be stopped and started again on the same port.</summary>
public sealed class TestSmtpServer : IDisposable
{
    public const string User = "summit-mailer";
    public const string Password = "smtp test password 7f3a";

    /// <summary>One accepted message: the MIME message, whether the session was encrypted, who authenticated, and the
    /// envelope's recipients (RCPT TO), which is where the message really goes whatever its headers say (a Bcc shows
    /// only here).</summary>
    public sealed record Received(MimeKit.MimeMessage Message, bool Secure, string? User, IReadOnlyList<string> Recipients);

    private readonly ConcurrentQueue<Received> received = new();
    private readonly Lock gate = new();
    private SmtpServer.SmtpServer? server;
    private Task? running;

    public TestSmtpServer()
    {
        Port = FreePort();
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Through a PFX, so that the private key is usable by the TLS stack on every platform.
        Certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        Start();
    }

    public int Port { get; }
    public X509Certificate2 Certificate { get; }
    /// <summary>The pin the app is given (Mail:SmtpCertificateThumbprint): SHA-256 of the certificate.</summary>
    public string Thumbprint => Convert.ToHexString(SHA256.HashData(Certificate.RawData));

    /// <summary>Recipients answered 550 at RCPT TO: a refusal no retry will change.</summary>
    public ConcurrentDictionary<string, bool> RefusedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>While true, every message is answered 451 after DATA (a busy server: try again later).</summary>
    public bool Busy { get; set; }
    public bool IsRunning { get { lock (gate) return server is not null; } }

    public IReadOnlyList<Received> Messages => received.ToArray();

    public void Start()
    {
        lock (gate)
        {
            if (server is not null) return;
            var options = new SmtpServerOptionsBuilder()
                .ServerName("localhost")
                .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
                    .Certificate(Certificate)
                    .AllowUnsecureAuthentication(false)
                    .AuthenticationRequired(true))
                .Build();
            var services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(new Store(this));
            services.Add(new Filter(this));
            services.Add(new DelegatingUserAuthenticator((user, password) => user == User && password == Password));
            server = new SmtpServer.SmtpServer(options, services);
            running = server.StartAsync(CancellationToken.None);
        }
    }

    /// <summary>Stops as a server going down for maintenance does: no new connection is accepted (clients are refused
    /// at once), the sessions already under way finish.</summary>
    public async Task StopAsync()
    {
        SmtpServer.SmtpServer? stopping;
        Task? task;
        lock (gate)
        {
            (stopping, task) = (server, running);
            (server, running) = (null, null);
        }
        if (stopping is null) return;
        stopping.Shutdown();
        await stopping.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(30));
        if (task is not null) await task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        StopAsync().GetAwaiter().GetResult();
        Certificate.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (owner.Busy) return Task.FromResult(new SmtpResponse((SmtpReplyCode)451, "4.3.0 Busy, try again later"));
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeKit.MimeMessage.Load(stream, cancellationToken);
            owner.received.Enqueue(new Received(message, context.Pipe.IsSecure,
                context.Authentication.IsAuthenticated ? context.Authentication.User : null,
                transaction.To.Select(to => $"{to.User}@{to.Host}").ToList()));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class Filter(TestSmtpServer owner) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!owner.RefusedRecipients.ContainsKey($"{to.User}@{to.Host}"));
    }
}
