using System.Security.Cryptography;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Jobs;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Communiques;

/// <summary>The publishing job: the Communique row says what must happen; the job publishes once, however often it
/// runs, and recovers a row whose job died.</summary>
public class CommuniqueJobTests : IClassFixture<SummitAppFactory>
{
    private readonly SummitAppFactory app;

    public CommuniqueJobTests(SummitAppFactory app) => this.app = app;

    private async Task RunJobAsync(int communiqueId)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<CommuniqueJob>().PublishAsync(communiqueId, CancellationToken.None);
    }

    /// <summary>A queued row written straight to the database, without a job in the queue (as if the process died
    /// after the commit), or claimed by a job at <paramref name="claimedAt"/> (first attempt).</summary>
    private Task<int> RowAsync(int statementId, DateTime? claimedAt = null) =>
        app.WithDbAsync(async db =>
        {
            var communique = new Communique { StatementId = statementId, QueuedUtc = app.UtcNow };
            if (claimedAt is { } since) communique.Claim(since);
            db.Communiques.Add(communique);
            await db.SaveChangesAsync();
            return communique.Id;
        });

    private Task<int> PublishedEventsAsync(int communiqueId) => app.WithDbAsync(db =>
        db.AuditEvents.CountAsync(e => e.Action == "communique.published" && e.SubjectId == communiqueId.ToString()));

    [Fact]
    public async Task Publishing_stores_a_signed_pdf_moves_the_statement_and_audits_it()
    {
        var closed = await app.ClosedStatementAsync();
        var communique = await app.PublishedAsync(closed.StatementId);

        Assert.NotNull(communique.Pdf);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(communique.Pdf!)), communique.Sha256);
        Assert.Equal(closed.Organisations.Count, communique.SignatoryCount);
        Assert.Equal(closed.ContentHash, communique.ContentHash);
        Assert.True(communique.SelfSignedCertificate);
        Assert.Equal(SigningCertificates.DevelopmentSubject, communique.CertificateSubject);
        Assert.NotNull(communique.PublishedUtc);
        Assert.Equal(1, communique.Attempts);
        var check = PdfSignatureVerifier.Verify(communique.Pdf!);
        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(communique.CertificateThumbprint, check.SignerThumbprint);
        Assert.Contains("Signature is Valid.", await PdfTools.PdfsigAsync(communique.Pdf!));

        var statement = await app.WithDbAsync(db => db.Statements.AsNoTracking().SingleAsync(s => s.Id == closed.StatementId));
        Assert.Equal(StatementStatus.Published, statement.Status);
        Assert.Equal(statement.FinalVersionId, communique.StatementVersionId);
        Assert.Equal(1, await PublishedEventsAsync(communique.Id));

        // The PDF lists every endorsing organisation once, in the order of the public list, and the content hash;
        // the withdrawn endorsement is not there.
        var words = PdfTools.Words(communique.Pdf!);
        var order = (await app.WithDbAsync(db => AgreedBy.LoadAsync(db, closed.StatementId, AgreedBy.Comparison(null)))).Signatories;
        Assert.Equal(closed.Organisations.Count, order.Count);
        var positions = order.Select(s =>
        {
            Assert.True(PdfTools.CountPhrase(words, s.FormalName) == 1, $"\"{s.FormalName}\" once");
            return PdfTools.PositionOf(words, s.FormalName);
        }).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain("Withdrawn Ministry", words);
        Assert.Contains(closed.ContentHash, words);
        Assert.Contains($"Signatories: {closed.Organisations.Count}", words);
    }

    [Fact]
    public async Task A_job_run_twice_even_at_once_publishes_once_and_keeps_the_bytes()
    {
        var closed = await app.ClosedStatementAsync();
        var id = await RowAsync(closed.StatementId);

        await Task.WhenAll(RunJobAsync(id), RunJobAsync(id));
        var first = await app.WaitForCommuniqueAsync(closed.StatementId, c => c.Status == CommuniqueStatus.Published);
        Assert.Equal(1, first.Attempts);

        await RunJobAsync(id);
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<CommuniqueSweep>().RunAsync(CancellationToken.None);
        await RunJobAsync(id);

        var after = (await app.CommuniqueOfAsync(closed.StatementId))!;
        Assert.Equal(CommuniqueStatus.Published, after.Status);
        Assert.Equal(first.Pdf, after.Pdf);
        Assert.Equal(first.Sha256, after.Sha256);
        Assert.Equal(first.PublishedUtc, after.PublishedUtc);
        Assert.Equal(1, after.Attempts);
        Assert.Equal(1, await PublishedEventsAsync(id));
    }

    [Fact]
    public async Task Publishing_twice_is_refused_by_the_desk_and_by_the_unique_index()
    {
        var closed = await app.ClosedStatementAsync();
        var organiser = await app.CreateUserAsync(roles: Data.Accounts.Roles.Organiser);
        var actor = new Data.Audit.AuditActor(organiser.Id, organiser.FullName);
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<CommuniqueDesk>().PublishAsync(closed.StatementId, actor);
        }));
        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(CommuniqueDesk.AlreadyQueued, r.Message));
        Assert.Equal(1, await app.WithDbAsync(db => db.Communiques.CountAsync(c => c.StatementId == closed.StatementId)));
        await app.WaitForCommuniqueAsync(closed.StatementId, c => c.Status == CommuniqueStatus.Published);

        // The index itself, without the desk's check.
        await Assert.ThrowsAsync<DbUpdateException>(() => RowAsync(closed.StatementId));
    }

    [Fact]
    public async Task A_statement_that_is_not_closed_is_not_queued()
    {
        var summit = await app.CreateOpenSummitAsync();
        var statementId = await app.WithDbAsync(async db =>
        {
            var statement = new Statement { SummitId = summit.Id, Title = "Draft statement", Kind = StatementKind.CallToAction, CreatedUtc = app.UtcNow };
            db.Statements.Add(statement);
            await db.SaveChangesAsync();
            return statement.Id;
        });
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<CommuniqueDesk>().PublishAsync(statementId, Data.Audit.AuditActor.System);
        Assert.False(result.Succeeded);
        Assert.Contains("only a closed statement", result.Message);
        Assert.Null(await app.CommuniqueOfAsync(statementId));
    }

    [Fact]
    public async Task A_job_killed_mid_way_is_recovered_by_the_start_up_sweep_and_publishes_once()
    {
        var closed = await app.ClosedStatementAsync();
        // Claimed an hour ago by a job that never finished.
        var id = await RowAsync(closed.StatementId, claimedAt: app.UtcNow.AddHours(-1));

        using (var scope = app.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<CommuniqueSweep>().RunAsync(CancellationToken.None) >= 1);
        var published = await app.WaitForCommuniqueAsync(closed.StatementId, c => c.Status == CommuniqueStatus.Published);
        Assert.Equal(2, published.Attempts);
        Assert.Equal(1, await PublishedEventsAsync(id));
        Assert.True(PdfSignatureVerifier.Verify(published.Pdf!).IsValid);
    }

    [Fact]
    public async Task A_row_another_job_is_working_on_is_left_to_it()
    {
        var closed = await app.ClosedStatementAsync();
        var since = app.UtcNow.AddSeconds(-5);
        var id = await RowAsync(closed.StatementId, claimedAt: since);
        await RunJobAsync(id);
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<CommuniqueSweep>().RunAsync(CancellationToken.None);
        var row = (await app.CommuniqueOfAsync(closed.StatementId))!;
        Assert.Equal(CommuniqueStatus.Generating, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.Pdf);
    }

    [Fact]
    public async Task A_job_killed_ninety_seconds_ago_is_taken_again_by_the_sweep_not_ten_minutes_later()
    {
        using var organiser = await app.LoggedInClientAsync(WeProtect.Summit.Data.Accounts.Roles.Organiser);
        CommuniqueData.ClosedStatement closed;
        int id;
        for (var attempt = 1; ; attempt++)
        {
            closed = await app.ClosedStatementAsync();
            // Claimed 90 s ago; its node died, so the 60 s lease ran out 30 s ago and was never renewed.
            id = await RowAsync(closed.StatementId, claimedAt: app.UtcNow.AddSeconds(-90));
            // The organiser sees that it stopped and will resume (unless the app's own sweep, which runs at start-up
            // and every minute, resumed it first: then again with another statement).
            var page = await organiser.GetPageAsync($"/Communiques/Manage/{closed.StatementId}");
            if (page.QuerySelector("#interrupted") is { } interrupted)
            {
                Assert.Contains("interrupted, resuming", interrupted.TextContent);
                break;
            }
            Assert.True(attempt < 5, "The app's sweep resumed the row every time before the page was read");
        }

        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<CommuniqueSweep>().RunAsync(CancellationToken.None); // (the app's own sweep may be first)
        var published = await app.WaitForCommuniqueAsync(closed.StatementId, c => c.Status == CommuniqueStatus.Published);
        Assert.Equal(2, published.Attempts);
        Assert.Null(published.LeaseUntilUtc);
        Assert.Equal(1, await PublishedEventsAsync(id));
    }

    [Fact]
    public async Task The_running_job_renews_its_lease_and_only_its_own()
    {
        var closed = await app.ClosedStatementAsync();
        var clock = new MovableClock();
        var id = await RowAsync(closed.StatementId, claimedAt: clock.GetUtcNow().UtcDateTime);
        var claim = await app.WithDbAsync(db => db.Communiques.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());

        // 50 s later (lease 60 s): renewed, the lease now runs 60 s from then.
        clock.Advance(TimeSpan.FromSeconds(50));
        var now = clock.GetUtcNow().UtcDateTime;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)); // stored times keep microseconds, not 100 ns ticks
        Assert.True(await app.WithDbAsync(db => CommuniqueJob.RenewLeaseAsync(db, id, claim, now, CancellationToken.None)));
        var lease = await app.WithDbAsync(db => db.Communiques.Where(c => c.Id == id).Select(c => c.LeaseUntilUtc).SingleAsync());
        Assert.Equal(now + Communique.LeaseLength, lease);

        // Still running at 100 s: not interrupted, the sweep leaves it alone; another claim cannot renew it.
        clock.Advance(TimeSpan.FromSeconds(50));
        var row = (await app.CommuniqueOfAsync(closed.StatementId))!;
        Assert.False(row.Interrupted(clock.GetUtcNow().UtcDateTime));
        Assert.False(await app.WithDbAsync(db => CommuniqueJob.RenewLeaseAsync(db, id, Guid.NewGuid(), clock.GetUtcNow().UtcDateTime, CancellationToken.None)));

        // No renewal for a minute more: interrupted, to be taken again.
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.True(row.Interrupted(clock.GetUtcNow().UtcDateTime));
        Assert.True(Communique.LeaseRenewal * 2 < Communique.LeaseLength, "a renewal may be late once without losing the claim");
        Assert.True(Communique.LeaseLength + TimeSpan.FromMinutes(1) <= TimeSpan.FromMinutes(2), "lease + sweep interval within two minutes");
    }
}
