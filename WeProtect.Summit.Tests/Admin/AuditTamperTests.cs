using WeProtect.Summit.Data;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Web.Audit;
using WeProtect.Summit.Web.Infrastructure;
using WeProtect.Summit.Web.Pdf;
using Microsoft.Extensions.Configuration;

namespace WeProtect.Summit.Tests.Admin;

/// <summary>What someone with database access (and no access to the app's keys or data folder) tries: rewriting a row
/// and re-hashing the chain with the documented recipe, or deleting the newest rows. Both are detected: the first by
/// the rows' keyed MACs, the second by the last signed checkpoint. Each test tampers with its own database.</summary>
public sealed class AuditTamperTests : IDisposable
{
    private readonly SummitAppFactory app = new();

    public AuditTamperTests() => _ = app.Services;

    public void Dispose() => app.Dispose();

    private async Task AppendAsync(int count, AuditKeys? keys = null)
    {
        for (var i = 0; i < count; i++)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
            var trail = keys is null ? scope.ServiceProvider.GetRequiredService<AuditTrail>() : new AuditTrail(db, app.Clock, keys);
            var organisation = new Organisation { FormalName = $"Organisation {Guid.NewGuid():N}", SortName = "x", Sector = Sector.CivilSociety };
            db.Organisations.Add(organisation);
            trail.Record(new AuditActor("u1", "Ada \"quoted\" Admin <é>"), "organisation.created", organisation, $"Created {organisation.FormalName} · é & 😀");
            await trail.SaveChangesAsync();
        }
    }

    private AuditKeys AppKeys => app.Services.GetRequiredService<AuditKeys>();

    private Task<AuditVerification> VerifyAsync(AuditKeys? keys = null) =>
        app.WithDbAsync(db => new AuditTrail(db, app.Clock, keys ?? AppKeys).VerifyAsync());

    /// <summary>The recipe anyone can read in the code: change a row, recompute its hash and every later row's.</summary>
    private async Task RewriteAndRehashAsync(long sequence, string summary)
    {
        await app.WithDbAsync(async db =>
        {
            var rows = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
            var previous = rows.Single(r => r.Sequence == sequence - 1).Hash;
            foreach (var row in rows.Where(r => r.Sequence >= sequence))
            {
                if (row.Sequence == sequence) row.Summary = summary;
                row.PreviousHash = previous;
                row.Hash = AuditTrail.ComputeHash(row);
                previous = row.Hash;
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"UPDATE \"AuditEvents\" SET \"Summary\" = {row.Summary}, \"PreviousHash\" = {row.PreviousHash}, \"Hash\" = {row.Hash} WHERE \"Sequence\" = {row.Sequence}");
            }
        });
    }

    [Fact]
    public async Task Every_row_carries_a_MAC_with_the_current_key()
    {
        await AppendAsync(2);
        var rows = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().ToListAsync());
        Assert.All(rows, r => Assert.Equal(AppKeys.CurrentId, r.MacKeyId));
        Assert.All(rows, r => Assert.Equal(AppKeys.Mac(r.MacKeyId!, r), r.Mac));
        Assert.True((await VerifyAsync()).IsIntact);
        // The key lives in the data folder, readable by the app's user only.
        var keyFile = Path.Combine(app.DataFolder, "audit", "mac.key");
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
    }

    [Fact]
    public async Task An_edited_row_with_the_chain_rehashed_is_detected_without_the_key()
    {
        await AppendAsync(4);
        var target = await app.WithDbAsync(db => db.AuditEvents.OrderBy(e => e.Sequence).Skip(1).Select(e => e.Sequence).FirstAsync());
        await RewriteAndRehashAsync(target, "nothing happened");

        // The hashes alone say intact: that is the attack.
        Assert.True((await app.WithDbAsync(db => new AuditTrail(db, app.Clock).VerifyAsync())).IsIntact);
        var verdict = await VerifyAsync();
        Assert.False(verdict.IsIntact);
        Assert.Equal(target, verdict.BrokenAtSequence);
        Assert.Contains("MAC does not match", verdict.Problem);

        using var admin = await app.LoggedInClientAsync(Roles.Admin);
        var page = await admin.GetPageAsync("/Admin/Audit");
        Assert.Contains($"broken at row {target}", page.QuerySelector("#audit-verdict")!.TextContent);
    }

    [Fact]
    public async Task A_communique_is_not_published_over_a_trail_that_does_not_verify()
    {
        var closed = await app.ClosedStatementAsync();
        await AppendAsync(2);
        // An edit without the key: the row's MAC no longer matches.
        await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"AuditEvents\" SET \"Summary\" = {"nothing happened"} WHERE \"Sequence\" = (SELECT MAX(\"Sequence\") FROM \"AuditEvents\")"));
        var organiser = await app.CreateUserAsync(fullName: "Publishing Organiser", roles: Roles.Organiser);
        using (var scope = app.Services.CreateScope())
        {
            var queued = await scope.ServiceProvider.GetRequiredService<Data.Communiques.CommuniqueDesk>()
                .PublishAsync(closed.StatementId, new AuditActor(organiser.Id, organiser.FullName));
            Assert.True(queued.Succeeded, queued.Message);
        }
        var failed = await app.WaitForCommuniqueAsync(closed.StatementId, c => c.LastError is not null);
        Assert.Contains("the audit trail does not verify", failed.LastError);
        Assert.Null(failed.Pdf);
        Assert.NotEqual(Data.Communiques.CommuniqueStatus.Published, failed.Status);
    }

    [Fact]
    public async Task A_copy_of_a_communique_shows_an_administrator_that_rows_were_deleted_since_it_was_published()
    {
        var closed = await app.ClosedStatementAsync();
        var published = await app.PublishedAsync(closed.StatementId);
        await AppendAsync(2);
        var carried = System.Text.Json.JsonSerializer.Deserialize<AuditCheckpoint>(PdfAttachments.Read(published.Pdf!, CommuniquePdf.CheckpointFileName)!)!;
        // Everything from three rows before the communiqué's checkpoint goes: the chain that is left still walks.
        await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"AuditEvents\" WHERE \"Sequence\" > {carried.Rows - 3}"));
        Assert.True((await VerifyAsync()).IsIntact);

        using var admin = await app.LoggedInClientAsync(Roles.Admin);
        var (_, verified) = await admin.VerifyAsync(published.Pdf!);
        var verdict = verified.QuerySelector("#trail-check")!;
        Assert.Contains("The audit trail today does not agree with it", verdict.TextContent);
        Assert.Contains($"but the checkpoint of {carried.WrittenUtc} saw {carried.Rows}: rows were deleted from its end", verdict.TextContent);
    }

    [Fact]
    public async Task Deleted_newest_rows_are_detected_against_the_signed_checkpoint()
    {
        await AppendAsync(3);
        using var admin = await app.LoggedInClientAsync(Roles.Admin);
        var page = await admin.GetPageAsync("/Admin/Audit");
        var (_, written) = await admin.SubmitAndFollowAsync(page, "form#checkpoint-form");
        var done = written.QuerySelector("#status")!;
        Assert.Contains("Checkpoint written", done.TextContent);
        Assert.Equal(("status", true), (done.GetAttribute("role"), done.ClassList.Contains("alert-success")));
        // One status line: the page places it, the layout does not repeat it.
        Assert.Single(written.QuerySelectorAll("main .alert"), a => a.TextContent.Contains("Checkpoint written"));
        Assert.Contains("agrees with the last signed checkpoint", written.QuerySelector("#checkpoint-verdict")!.TextContent);
        var rows = await app.WithDbAsync(db => db.AuditEvents.CountAsync());

        // The newest two rows go: the chain itself still walks from the first row to the (new) last one.
        await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"AuditEvents\" WHERE \"Sequence\" > {rows - 2}"));
        Assert.True((await VerifyAsync()).IsIntact);

        var after = await admin.GetPageAsync("/Admin/Audit");
        var verdict = after.QuerySelector("#checkpoint-verdict")!.TextContent;
        Assert.Contains($"The trail has {rows - 2} rows, but the checkpoint", verdict);
        Assert.Contains("rows were deleted from its end", verdict);

        // And no new checkpoint blesses the shortened trail.
        var (_, refused) = await admin.SubmitAndFollowAsync(after, "form#checkpoint-form");
        var refusal = refused.QuerySelector("#status")!;
        Assert.Contains("No checkpoint was written", refusal.TextContent);
        Assert.Equal(("alert", false), (refusal.GetAttribute("role"), refusal.ClassList.Contains("alert-success")));
        Assert.Single(app.Services.GetRequiredService<AuditCheckpoints>().All());
    }

    [Fact]
    public async Task A_rewritten_trail_appended_to_past_the_checkpoint_is_still_detected()
    {
        await AppendAsync(3);
        var checkpoints = app.Services.GetRequiredService<AuditCheckpoints>();
        var (checkpoint, refusal) = await checkpoints.WriteAsync("test", CancellationToken.None);
        Assert.Null(refusal);
        Assert.True(checkpoint!.SignatureHolds());
        // Delete the last row and append a fresh one with the app's own keys (as a later request would).
        await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = {checkpoint.Rows}"));
        await AppendAsync(1);
        var check = await checkpoints.CheckAsync(CancellationToken.None);
        Assert.True(check.Chain.IsIntact);
        Assert.Contains($"Row {checkpoint.Rows} no longer carries the hash", check.CheckpointProblem);
    }

    [Fact]
    public async Task Key_rotation_keeps_old_rows_verifiable_and_a_missing_old_key_is_named()
    {
        await AppendAsync(2);
        var newKey = RandomNumberGenerator.GetBytes(32);
        var rotated = new AuditKeys("2027-01", new Dictionary<string, byte[]>
        {
            [AppKeys.CurrentId] = KeyOf(AppKeys.CurrentId), ["2027-01"] = newKey,
        });
        await AppendAsync(2, rotated);
        var rows = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(AppKeys.CurrentId, rows[0].MacKeyId);
        Assert.Equal("2027-01", rows[^1].MacKeyId);
        Assert.True((await VerifyAsync(rotated)).IsIntact);

        var onlyNew = new AuditKeys("2027-01", new Dictionary<string, byte[]> { ["2027-01"] = newKey });
        var verdict = await VerifyAsync(onlyNew);
        Assert.Equal(1, verdict.BrokenAtSequence);
        Assert.Contains($"the key \"{AppKeys.CurrentId}\", which this server does not hold", verdict.Problem);
    }

    /// <summary>The signing certificate changes (the development one for a real one, then a renewal): the checkpoints
    /// go on, each continuing the last, while a checkpoint signed by a stranger's certificate is still refused.</summary>
    [Fact]
    public async Task Checkpoints_go_on_after_the_signing_certificate_is_replaced_and_renewed_but_not_for_a_strangers_certificate()
    {
        await AppendAsync(2);
        var first = app.Services.GetRequiredService<AuditCheckpoints>();
        Assert.Null((await first.WriteAsync("test", CancellationToken.None)).Refusal); // the development certificate

        var folder = Path.Combine(app.DataFolder, "secrets");
        Directory.CreateDirectory(folder);
        AuditCheckpoints With(string name, string? previous = null)
        {
            var (path, password) = PostgresNodes.MakePfx(folder, name);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataFolder"] = app.DataFolder, [SigningCertificates.PathKey] = path, [SigningCertificates.PasswordKey] = password,
                [AuditCheckpoints.PreviousCertificatesKey] = previous,
            }).Build();
            var data = DataFolder.FromConfiguration(configuration);
            return new AuditCheckpoints(app.Services.GetRequiredService<IServiceScopeFactory>(), new SigningCertificates(configuration, data), data,
                configuration, app.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<AuditCheckpoints>.Instance);
        }

        // A configured certificate follows the development one the data folder made.
        var configured = With("real");
        await AppendAsync(1);
        var (second, refusal) = await configured.WriteAsync("test", CancellationToken.None);
        Assert.Null(refusal);
        var realThumbprint = second!.CertificateThumbprint();

        // Renewed: refused until the operator names the old certificate, with the setting to use.
        await AppendAsync(1);
        var renewed = With("renewed");
        var check = await renewed.CheckAsync(CancellationToken.None);
        Assert.Contains($"(thumbprint {realThumbprint})", check.CheckpointProblem);
        Assert.Contains(AuditCheckpoints.PreviousCertificatesKey, check.CheckpointProblem);
        var named = With("renewed-again", previous: "0000, " + realThumbprint.ToLowerInvariant());
        Assert.Null((await named.CheckAsync(CancellationToken.None)).CheckpointProblem);
        Assert.Null((await named.WriteAsync("test", CancellationToken.None)).Refusal);
        Assert.Equal(3, first.All().Count);

        // Whoever can write the file cannot continue it with a certificate of their own: a checkpoint signed by one
        // (here appended by a server configured to trust the last) is refused by this server.
        var lastThumbprint = first.All()[^1].CertificateThumbprint();
        var stranger = With("stranger", previous: lastThumbprint);
        Assert.Null((await stranger.WriteAsync("forged", CancellationToken.None)).Refusal);
        Assert.Contains("does not sign with", (await named.CheckAsync(CancellationToken.None)).CheckpointProblem);
    }

    /// <summary>An installation that started with the key made on first start and then configures its keys (as
    /// several nodes or a key vault need) keeps verifying the rows the first key signed.</summary>
    [Fact]
    public async Task Configuring_keys_after_the_first_start_key_keeps_the_rows_it_signed_verifiable()
    {
        await AppendAsync(2);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = app.DataFolder,
            ["Audit:Keys:vault-2027"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }).Build();
        var configured = AuditKeySource.Load(configuration, DataFolder.FromConfiguration(configuration));
        Assert.Equal("vault-2027", configured.CurrentId);
        await AppendAsync(2, configured);
        var rows = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal((AuditKeySource.LocalKeyId, "vault-2027"), (rows[0].MacKeyId, rows[^1].MacKeyId));
        var verdict = await VerifyAsync(configured);
        Assert.True(verdict.IsIntact, verdict.Problem);
    }

    private byte[] KeyOf(string id) =>
        id == AuditKeySource.LocalKeyId ? Convert.FromBase64String(File.ReadAllText(Path.Combine(app.DataFolder, "audit", "mac.key")).Trim())
            : throw new InvalidOperationException("The test app uses the local key.");

    [Fact]
    public async Task The_outside_script_verifies_an_export_and_fails_on_a_tampered_one()
    {
        await AppendAsync(3);
        using var admin = await app.LoggedInClientAsync(Roles.Admin);
        await admin.SubmitAndFollowAsync(await admin.GetPageAsync("/Admin/Audit"), "form#checkpoint-form");
        var export = await admin.Http.GetByteArrayAsync("/Admin/Audit?handler=Export");
        var checkpoints = await admin.Http.GetByteArrayAsync("/Admin/Audit?handler=Checkpoints");
        var folder = Path.Combine(app.DataFolder, "auditor");
        Directory.CreateDirectory(folder);
        var (trailFile, checkpointFile, keyFile) = (Path.Combine(folder, "trail.jsonl"), Path.Combine(folder, "checkpoints.jsonl"), Path.Combine(app.DataFolder, "audit", "mac.key"));
        await File.WriteAllBytesAsync(trailFile, export);
        await File.WriteAllBytesAsync(checkpointFile, checkpoints);

        var (ok, output) = await RunScriptAsync(trailFile, checkpointFile, keyFile);
        Assert.True(ok, output);
        Assert.Contains("OK", output);

        // One character of one summary changed in the export, hashes recomputed by hand or not: the script says no.
        var lines = File.ReadAllLines(trailFile);
        lines[1] = lines[1].Replace("Created", "Deleted", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(trailFile, lines);
        var (tamperedOk, tamperedOutput) = await RunScriptAsync(trailFile, checkpointFile, keyFile);
        Assert.False(tamperedOk, tamperedOutput);
        Assert.Contains("row 2", tamperedOutput);

        // The newest row dropped from the export: the checkpoint catches it.
        await File.WriteAllBytesAsync(trailFile, export);
        await File.WriteAllLinesAsync(trailFile, File.ReadAllLines(trailFile)[..^1]);
        var (shortOk, shortOutput) = await RunScriptAsync(trailFile, checkpointFile, keyFile);
        Assert.False(shortOk, shortOutput);
        Assert.Contains("checkpoint", shortOutput);
    }

    /// <summary>A signing certificate with an elliptic-curve key (as many national PKIs issue): the script checks the
    /// checkpoint's ECDSA signature itself rather than sending the auditor to openssl, and a changed byte fails it.</summary>
    [Theory]
    [InlineData("nistP256")]
    [InlineData("nistP384")]
    public async Task The_outside_script_verifies_checkpoints_signed_with_an_elliptic_curve_certificate(string curve)
    {
        using var ecApp = new EllipticCurveCertificateApp(ECCurve.CreateFromFriendlyName(curve));
        using var admin = await ecApp.LoggedInClientAsync(Roles.Admin);
        await admin.SubmitAndFollowAsync(await admin.GetPageAsync("/Admin/Audit"), "form#checkpoint-form");
        var folder = Path.Combine(ecApp.DataFolder, "auditor");
        Directory.CreateDirectory(folder);
        var (trailFile, checkpointFile, keyFile) = (Path.Combine(folder, "trail.jsonl"), Path.Combine(folder, "checkpoints.jsonl"), Path.Combine(ecApp.DataFolder, "audit", "mac.key"));
        await File.WriteAllBytesAsync(trailFile, await admin.Http.GetByteArrayAsync("/Admin/Audit?handler=Export"));
        var checkpoints = await admin.Http.GetStringAsync("/Admin/Audit?handler=Checkpoints");
        var checkpoint = JsonNode.Parse(checkpoints.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1])!;
        using (var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String((string)checkpoint["certificate"]!)))
            Assert.NotNull(certificate.GetECDsaPublicKey()); // the checkpoint was signed with the EC certificate
        await File.WriteAllTextAsync(checkpointFile, checkpoints);

        var (ok, output) = await RunScriptAsync(trailFile, checkpointFile, keyFile);
        Assert.True(ok, output);
        Assert.Contains("signature holds", output);

        // The checkpoint's signed row count changed by one: its signature no longer holds.
        checkpoint["rows"] = (long)checkpoint["rows"]! - 1;
        await File.WriteAllTextAsync(checkpointFile, checkpoint.ToJsonString() + "\n");
        var (forgedOk, forgedOutput) = await RunScriptAsync(trailFile, checkpointFile, keyFile);
        Assert.False(forgedOk, forgedOutput);
        Assert.Contains("signature does not hold", forgedOutput);
    }

    private static async Task<(bool Ok, string Output)> RunScriptAsync(params string[] arguments)
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "verify-audit.py");
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("--trail"); start.ArgumentList.Add(arguments[0]);
        start.ArgumentList.Add("--checkpoints"); start.ArgumentList.Add(arguments[1]);
        start.ArgumentList.Add("--key"); start.ArgumentList.Add(arguments[2]);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode == 0, output);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WeProtect.Summit.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
