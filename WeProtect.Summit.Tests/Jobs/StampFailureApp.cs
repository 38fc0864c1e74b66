using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WeProtect.Summit.Data;

namespace WeProtect.Summit.Tests.Jobs;

/// <summary>The app whose database refuses, while armed, to record that a notification was sent (as a database locked
/// by a long writer would, after its busy timeout): the mail has gone, only the stamp fails.</summary>
public sealed class StampFailureApp : SummitAppFactory
{
    public SentStampRefusal Refusal { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<SummitDbContext>(o => o.AddInterceptors(Refusal)));
    }

    public sealed class SentStampRefusal : DbCommandInterceptor
    {
        private int remaining;

        /// <summary>Refuses the next <paramref name="times"/> updates that stamp a notification as sent.</summary>
        public void Arm(int times) => Volatile.Write(ref remaining, times);

        public int Remaining => Math.Max(0, Volatile.Read(ref remaining));

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("UPDATE \"Notifications\"") && command.CommandText.Contains("\"SentUtc\" =")
                && Interlocked.Decrement(ref remaining) >= 0)
                throw new SqliteException("SQLite Error 5: 'database is locked'.", 5);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
