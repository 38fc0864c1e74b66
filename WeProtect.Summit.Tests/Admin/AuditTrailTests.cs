using WeProtect.Summit.Data;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Admin;

/// <summary>The hash chain: appended in the same transaction as the change, and broken by any edited or deleted row.
/// Each test tampers with its own database. The tampering SQL quotes its names, so that it reads on every provider.</summary>
public class AuditTrailTests : IDisposable
{
    private readonly SummitAppFactory app;

    public AuditTrailTests() : this(new SummitAppFactory()) { }

    protected AuditTrailTests(SummitAppFactory app)
    {
        this.app = app;
        _ = app.Services; // start the app (and migrate) once, before any parallel use
    }

    public void Dispose()
    {
        app.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task AppendAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await app.WithDbAsync(async db =>
            {
                var trail = new AuditTrail(db, TimeProvider.System);
                var organisation = new Organisation { FormalName = $"Organisation {Guid.NewGuid():N}", SortName = "x", Sector = Sector.CivilSociety };
                db.Organisations.Add(organisation);
                trail.Record(new AuditActor("u1", "Ada \"quoted\" Admin"), "organisation.created", organisation, $"Created {organisation.FormalName} · é");
                await trail.SaveChangesAsync();
            });
        }
    }

    private Task<AuditVerification> VerifyAsync() =>
        app.WithDbAsync(db => new AuditTrail(db, TimeProvider.System).VerifyAsync());

    [Fact]
    public async Task A_chain_of_appended_events_verifies_and_links_each_row_to_the_one_before()
    {
        await AppendAsync(3);
        var verdict = await VerifyAsync();
        Assert.True(verdict.IsIntact, verdict.Problem);
        var rows = await app.WithDbAsync(db => db.AuditEvents.OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(AuditTrail.GenesisHash, rows[0].PreviousHash);
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.Equal(rows[i - 1].Hash, rows[i].PreviousHash);
            Assert.Equal(rows[i - 1].Sequence + 1, rows[i].Sequence);
        }
        Assert.All(rows, r => Assert.Equal(AuditTrail.ComputeHash(r), r.Hash));
        Assert.All(rows, r => Assert.Matches("^[0-9a-f]{64}$", r.Hash));
    }

    [Fact]
    public async Task An_edited_row_is_named_as_the_first_broken_row()
    {
        await AppendAsync(4);
        var target = await app.WithDbAsync(db => db.AuditEvents.OrderBy(e => e.Sequence).Skip(1).Select(e => e.Sequence).FirstAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"AuditEvents\" SET \"Summary\" = 'nothing happened' WHERE \"Sequence\" = {target}"));

        var verdict = await VerifyAsync();
        Assert.False(verdict.IsIntact);
        Assert.Equal(target, verdict.BrokenAtSequence);
        Assert.Contains("changed", verdict.Problem);
    }

    [Fact]
    public async Task A_deleted_row_breaks_the_chain_at_the_row_after_it()
    {
        await AppendAsync(4);
        var target = await app.WithDbAsync(db => db.AuditEvents.OrderBy(e => e.Sequence).Skip(1).Select(e => e.Sequence).FirstAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = {target}"));

        var verdict = await VerifyAsync();
        Assert.False(verdict.IsIntact);
        Assert.Equal(target + 1, verdict.BrokenAtSequence);
        Assert.Contains($"row {target} is missing", verdict.Problem);
    }

    [Fact]
    public async Task A_deleted_row_renumbered_to_hide_the_gap_is_still_detected()
    {
        await AppendAsync(3);
        var (second, third) = await app.WithDbAsync(async db =>
        {
            var rows = await db.AuditEvents.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
            return (rows[^2], rows[^1]);
        });
        await app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = {second}");
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditEvents\" SET \"Sequence\" = {second} WHERE \"Sequence\" = {third}");
        });
        var verdict = await VerifyAsync();
        Assert.False(verdict.IsIntact);
        Assert.Equal(second, verdict.BrokenAtSequence);
    }

    [Fact]
    public async Task The_context_refuses_to_update_or_delete_an_audit_event()
    {
        await AppendAsync(1);
        await app.WithDbAsync(async db =>
        {
            var row = await db.AuditEvents.OrderBy(e => e.Sequence).FirstAsync();
            row.Summary = "rewritten";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.AuditEvents.Remove(await db.AuditEvents.OrderBy(e => e.Sequence).FirstAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });
    }

    [Fact]
    public async Task Parallel_appends_from_separate_requests_keep_one_unbroken_chain()
    {
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => AppendAsync(2))));
        var verdict = await VerifyAsync();
        Assert.True(verdict.IsIntact, verdict.Problem);
        Assert.True(verdict.IntactRows >= 24);
    }
}
