using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Jobs;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Communiques;

/// <summary>A job that throws records each attempt and its error, backs off, ends failed after
/// <see cref="Communique.MaxAttempts"/> attempts, shows it to organisers, and publishes after Retry once the cause
/// is fixed.</summary>
public class CommuniqueFailureTests : IClassFixture<MissingCertificateApp>
{
    private readonly MissingCertificateApp app;

    public CommuniqueFailureTests(MissingCertificateApp app) => this.app = app;

    private async Task RunJobAsync(int communiqueId)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<CommuniqueJob>().PublishAsync(communiqueId, CancellationToken.None);
    }

    /// <summary>The back-off passes: the clock moves to just after the next attempt's time.</summary>
    private async Task MakeDueAsync(int communiqueId)
    {
        var next = await app.WithDbAsync(db => db.Communiques.Where(c => c.Id == communiqueId).Select(c => c.NextAttemptUtc).SingleAsync());
        if (next is { } due && due >= app.UtcNow) app.Clock.SetUtcNow(new DateTimeOffset(due, TimeSpan.Zero).AddSeconds(1));
    }

    [Fact]
    public async Task Failures_are_recorded_backed_off_shown_end_failed_and_Retry_publishes()
    {
        var closed = await app.ClosedStatementAsync();
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var url = $"/Communiques/Manage/{closed.StatementId}";
        await organiser.SubmitAndFollowAsync(await organiser.GetPageAsync(url), "form#publish-form");

        // The first attempt (the job the publish queued) fails and puts the row back in the queue with a back-off.
        var first = await app.WaitForCommuniqueAsync(closed.StatementId, c => c.Attempts >= 1 && c.Status != CommuniqueStatus.Generating);
        Assert.Equal(CommuniqueStatus.Queued, first.Status);
        Assert.Contains("could not be read", first.LastError);
        Assert.DoesNotContain("Signing Minister", first.LastError);
        Assert.True(first.NextAttemptUtc > app.UtcNow, "the next attempt waits");

        // Not due yet: a job run now does nothing.
        await RunJobAsync(first.Id);
        Assert.Equal(first.Attempts, (await app.CommuniqueOfAsync(closed.StatementId))!.Attempts);

        var page = await organiser.GetPageAsync(url);
        Assert.Equal("Queued", page.QuerySelector("#communique-state")!.GetAttribute("data-status"));
        Assert.Contains("could not be read", page.QuerySelector("#last-error")!.TextContent);
        Assert.NotNull(page.QuerySelector("#next-attempt"));
        Assert.Null(page.QuerySelector("#retry"));

        for (var i = 0; i < Communique.MaxAttempts * 2 && (await app.CommuniqueOfAsync(closed.StatementId))!.Status != CommuniqueStatus.Failed; i++)
        {
            await MakeDueAsync(first.Id);
            await RunJobAsync(first.Id);
        }
        var failed = (await app.CommuniqueOfAsync(closed.StatementId))!;
        Assert.Equal(CommuniqueStatus.Failed, failed.Status);
        Assert.Equal(Communique.MaxAttempts, failed.Attempts);
        Assert.NotNull(failed.FailedUtc);
        Assert.Null(failed.Pdf);
        Assert.Equal(StatementStatus.Closed, await app.WithDbAsync(db => db.Statements.Where(s => s.Id == closed.StatementId).Select(s => s.Status).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "communique.failed" && e.SubjectId == failed.Id.ToString())));

        // Failed for good: neither the sweep nor a job touches it.
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<CommuniqueSweep>().RunAsync(CancellationToken.None);
        await RunJobAsync(failed.Id);
        Assert.Equal(Communique.MaxAttempts, (await app.CommuniqueOfAsync(closed.StatementId))!.Attempts);

        var failedPage = await organiser.GetPageAsync(url);
        Assert.Equal("Failed", failedPage.QuerySelector("#communique-state")!.GetAttribute("data-status"));
        Assert.Contains("could not be read", failedPage.QuerySelector("#last-error")!.TextContent);
        Assert.Null(failedPage.QuerySelector("[hx-trigger]"));

        // The organiser fixes the cause (the certificate file is put in place) and retries.
        var thumbprint = WriteCertificate(app.CertificatePath);
        var (retried, _) = await organiser.SubmitAndFollowAsync(failedPage, "form#retry-form");
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var published = await app.WaitForCommuniqueAsync(closed.StatementId, c => c.Status == CommuniqueStatus.Published);
        Assert.Equal(thumbprint, published.CertificateThumbprint);
        Assert.Equal("CN=Configured Test Signer, O=WeProtect Test", published.CertificateSubject);
        Assert.True(PdfSignatureVerifier.Verify(published.Pdf!).IsValid);
        Assert.Null(published.LastError);
        Assert.Equal(1, published.Attempts);
    }

    /// <summary>A configured PFX (self-signed, as a test has no authority to ask).</summary>
    private static string WriteCertificate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Configured Test Signer, O=WeProtect Test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, MissingCertificateApp.CertificatePassword));
        return certificate.Thumbprint;
    }
}
