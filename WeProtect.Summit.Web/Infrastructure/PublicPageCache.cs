using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>Public pages (summits, the organisation directory) are served from the output cache to anonymous
/// visitors; signed-in users always get a fresh page (the framework never caches authenticated requests).
/// Any saved change to a summit, its hosts, an organisation, a statement or a communiqué evicts them once the change is committed, and
/// entries expire after a minute regardless, so time-dependent wording ("registration is open") stays right.
/// Registrations feed the public participant list; reporting cycles and submissions the public progress pages. RegistrationDesk changes their status with ExecuteUpdate, which
/// no SaveChanges interceptor sees; but every desk operation records its audit event in the same transaction, so an
/// audit event about a registration counts as a change to public data too (check-ins excepted: they change
/// nothing public).</summary>
public sealed class PublicPageCache(IOutputCacheStore store, Localization.SummitLanguages summitLanguages) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public const string Policy = "PublicPages";
    public const string Tag = "public-pages";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private static readonly HashSet<Type> PublicTypes = [typeof(Data.Summits.Summit), typeof(Organisation), typeof(Registration),
        typeof(Data.Breakouts.Breakout), typeof(Data.Breakouts.Room), typeof(Data.Breakouts.Theme),
        typeof(Data.Statements.Statement), typeof(Data.Communiques.Communique), typeof(Data.Materials.Material),
        typeof(Data.Reporting.ReportingCycle), typeof(Membership)];

    // Contexts with a saved but not yet committed change to public data.
    private readonly ConditionalWeakTable<DbContext, object> pending = [];

    public static void AddPolicy(OutputCacheOptions options) => options.AddPolicy(Policy, b => b
        .Expire(Lifetime).Tag(Tag).SetVaryByHeader("HX-Request", "HX-History-Restore-Request")
        // One entry per language: the request's language was chosen before the cache is asked (Program.cs).
        .VaryByValue(_ => new KeyValuePair<string, string>("language", CultureInfo.CurrentUICulture.Name)));

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EvictIfCommitted(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) await EvictAsync(eventData.Context);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Evict(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default) =>
        EvictAsync(eventData.Context).AsTask();

    private void Note(DbContext? context)
    {
        if (context is null) return;
        var touchesPublicData = context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && (PublicTypes.Contains(e.Metadata.ClrType) || e.Metadata.Name is "SummitHost" or "BreakoutOrganisation" or "BreakoutFacilitator"
                || e.Entity is AuditEvent { SubjectType: nameof(Registration) } audit && audit.Action != "registration.checked-in"
                // BookingDesk moves seat counts with ExecuteUpdate too; the agenda and session pages show them.
                || e.Entity is AuditEvent { SubjectType: nameof(Data.Breakouts.Booking) or nameof(Data.Breakouts.Breakout) }
                // MaterialDesk deletes with ExecuteDelete; the lists of documents are on the summit and session pages.
                || e.Entity is AuditEvent { SubjectType: nameof(Data.Materials.Material) }
                // ReportingDesk submits with ExecuteUpdate; the public progress pages count submissions.
                || e.Entity is AuditEvent { SubjectType: nameof(Data.Reporting.ProgressReport) }));
        if (touchesPublicData) pending.AddOrUpdate(context, this);
    }

    private void EvictIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null) Evict(context);
    }

    private void Evict(DbContext? context) => EvictAsync(context).AsTask().GetAwaiter().GetResult(); // sync EF paths only

    private ValueTask EvictAsync(DbContext? context)
    {
        if (context is null || !pending.Remove(context)) return ValueTask.CompletedTask;
        summitLanguages.Forget(); // a summit's default language may be what changed
        return store.EvictByTagAsync(Tag, CancellationToken.None);
    }
}
