using System.Data.Common;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WeProtect.Summit.Data;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Organisations;

/// <summary>The app with a hook that lets a "colleague" add an organisation in the instant between a page's
/// duplicate-name check and its save, so that only the database's unique index can refuse the second one.</summary>
public sealed class RaceAppFactory : SummitAppFactory
{
    public ColleagueInsert Colleague { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<SummitDbContext>(o => o.AddInterceptors(Colleague)));
    }

    /// <summary>When armed, commits an organisation with the given name on a connection of its own just as the
    /// page's transaction starts (after its checks, before its insert).</summary>
    public sealed class ColleagueInsert : DbTransactionInterceptor
    {
        private string? name;

        public void Arm(string formalName) => name = formalName;

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken ct = default)
        {
            if (Interlocked.Exchange(ref name, null) is { } formalName)
            {
                // The page's own provider, on a new connection (trust authentication on the test server: no password lost).
                var builder = new DbContextOptionsBuilder<SummitDbContext>();
                var options = (connection is Npgsql.NpgsqlConnection
                    ? builder.UseNpgsql(connection.ConnectionString)
                    : builder.UseSqlite(connection.ConnectionString)).Options;
                await using var other = new SummitDbContext(options);
                other.Organisations.Add(new Organisation { FormalName = formalName, SortName = formalName, Sector = Sector.CivilSociety, CountryCode = "GB" });
                await other.SaveChangesAsync(ct);
            }
            return result;
        }
    }
}
