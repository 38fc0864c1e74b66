using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

/// <summary>The production engine under load (issue 20), against app nodes that bench/engine.sh has started and
/// bench/prepare.sh has given an administrator and summit 1:
/// <list type="bullet">
/// <item>/healthz, 64 clients for a few seconds: the baseline of this run;</item>
/// <item>registration: distinct users (accounts made, confirmed and logged in beforehand) each posting the summit's
/// registration form once, 64 at a time, spread over the nodes: users registered per second;</item>
/// <item>bookings: approved delegates, more than the seats, each booking the same breakout once, 64 at a time:
/// bookings answered per second while its last seats go (then its waiting list);</item>
/// <item>the summit page uncached (a query string of its own per request), anonymous, 64 clients.</item>
/// </list>
/// Prints one Markdown table row per figure to standard output (bench/engine.sh collects them into RESULTS.md) and
/// checks what the database says: every registration stored once, seats confirmed = capacity.</summary>
internal static class EngineBench
{
    private const int Clients = 64;
    private const string Password = "bench lantern orchard passphrase 2026";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // engine <label> <sqlite|postgres> <database: SQLite file or Npgsql connection string> <admin cookie jar> <users> <seats> <url>...
    public static async Task<int> RunAsync(string[] args)
    {
        var (label, provider, database, adminJar) = (args[1], args[2], args[3], args[4]);
        var users = int.Parse(args[5], Invariant);
        var seats = int.Parse(args[6], Invariant);
        var urls = args[7..];
        await using var db = Open(provider, database);
        var clock = Stopwatch.StartNew();
        void Say(string what) => Console.Error.WriteLine($"engine [{label}] {clock.Elapsed.TotalSeconds,6:F1} s: {what}");

        // A breakout of `seats` seats, made through the organiser's pages as bench/prepare.sh makes its one-seat one.
        var admin = new CookieContainer();
        foreach (var line in File.ReadLines(adminJar).Where(l => l.Contains("summit.", StringComparison.Ordinal)))
        {
            var f = line.Split('\t');
            if (f.Length >= 7) admin.Add(new Uri(urls[0]), new Cookie(f[5], f[6]));
        }
        using var organiser = Client(urls[0], admin);
        var programme = await organiser.GetStringAsync("/Breakouts/Manage/Index/1");
        await PostAsync(organiser, "/Breakouts/Manage/Index/1?handler=SaveRoom", Token(programme, "room-add"),
            $"name=Bench+hall+{Guid.NewGuid():N}&capacity=1000&notes=");
        var room = await ScalarAsync(db, "SELECT MAX(\"Id\") FROM \"Rooms\" WHERE \"SummitId\" = 1");
        var day = await ScalarAsync(db, "SELECT \"StartDate\" FROM \"Summits\" WHERE \"Id\" = 1") switch
        {
            DateTime d => d.ToString("yyyy-MM-dd", Invariant),
            DateOnly d => d.ToString("yyyy-MM-dd", Invariant),
            var other => Convert.ToString(other, Invariant)!,
        };
        var editor = await organiser.GetStringAsync("/Breakouts/Manage/Edit/1");
        await PostAsync(organiser, "/Breakouts/Manage/Edit/1", Token(editor, "breakout-form"),
            $"Input.Title=Last+seats+{Guid.NewGuid():N}&Input.RoomId={room}&Input.Date={day}&Input.StartTime=14:00&Input.EndTime=15:00&Input.Capacity={seats}");
        var breakout = Convert.ToInt32(await ScalarAsync(db, "SELECT MAX(\"Id\") FROM \"Breakouts\" WHERE \"SummitId\" = 1"), Invariant);
        var organisation = Convert.ToInt32(await ScalarAsync(db, "SELECT MIN(\"Id\") FROM \"Organisations\""), Invariant);
        var fields = $"Input.FullName=Bench+Person&Input.Position=Director&Input.OrganisationId={organisation}&Input.Category=Delegate&Input.ConsentToPublicList=true";

        // Accounts beforehand (registrants and bookers): made through /Account/Register, confirmed in the database (the
        // e-mailed link is not what is measured), logged in; each person on one node, in turn.
        var tag = Guid.NewGuid().ToString("N")[..8];
        var people = Enumerable.Range(0, users * 2).Select(i => new Person($"bench-{tag}-{i}@example.org", urls[i % urls.Length], i >= users)).ToList();
        await ForEachAsync(people, 16, async p =>
        {
            using var http = Client(p.Url, p.Cookies);
            var form = await http.GetStringAsync("/Account/Register");
            await PostAsync(http, "/Account/Register", Token(form, null),
                $"Input.FullName=Bench+Person&Input.Email={Uri.EscapeDataString(p.Email)}&Input.Password={Uri.EscapeDataString(Password)}&Input.ConfirmPassword={Uri.EscapeDataString(Password)}");
        });
        await ExecuteAsync(db, $"UPDATE \"AspNetUsers\" SET \"EmailConfirmed\" = TRUE WHERE \"Email\" LIKE 'bench-{tag}-%'");
        await ForEachAsync(people, 16, async p =>
        {
            using var http = Client(p.Url, p.Cookies);
            var form = await http.GetStringAsync("/Account/Login");
            var answer = await PostAsync(http, "/Account/Login", Token(form, null),
                $"Input.Email={Uri.EscapeDataString(p.Email)}&Input.Password={Uri.EscapeDataString(Password)}");
            if (answer.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"{p.Email} could not log in ({(int)answer.StatusCode})");
        });
        Say($"{people.Count} accounts made and logged in");
        // The bookers register (not measured) and are approved as the vetting queue would (status and counter).
        var bookers = people.Where(p => p.Booker).ToList();
        await ForEachAsync(bookers, 16, async p =>
        {
            using var http = Client(p.Url, p.Cookies);
            var form = await http.GetStringAsync("/Registration/Register/1");
            await PostAsync(http, "/Registration/Register/1", Token(form, "registration-form"), fields);
        });
        var approved = await ExecuteAsync(db, "UPDATE \"Registrations\" SET \"Status\" = 'Approved' WHERE \"SummitId\" = 1 AND \"Status\" = 'Pending'");
        if (approved != bookers.Count) throw new InvalidOperationException($"{approved} of {bookers.Count} bookers registered");
        await ExecuteAsync(db, "UPDATE \"Summits\" SET \"ApprovedCount\" = (SELECT COUNT(*) FROM \"Registrations\" WHERE \"SummitId\" = 1 AND \"Status\" = 'Approved') WHERE \"Id\" = 1");
        var registrants = people.Where(p => !p.Booker).ToList();
        await ForEachAsync(people, 16, async p =>
        {
            using var http = Client(p.Url, p.Cookies);
            p.Form = await http.GetStringAsync(p.Booker ? $"/Breakouts/Bookings/Book/{breakout}" : "/Registration/Register/1");
        });
        var before = Convert.ToInt64(await ScalarAsync(db, "SELECT COUNT(*) FROM \"Registrations\" WHERE \"SummitId\" = 1"), Invariant);
        Say("forms loaded; measuring");

        var rows = new List<string>();
        var healthz = await ForSecondsAsync(urls, _ => "/healthz");
        rows.Add(Row(label, "`/healthz` (baseline of this run)", healthz.PerSecond, "requests/s", healthz, healthz.PerSecond));

        var registered = await OnceEachAsync(registrants, async (http, p) =>
            await PostAsync(http, "/Registration/Register/1", Token(p.Form!, "registration-form"), fields), r => r.StatusCode == HttpStatusCode.Redirect);
        rows.Add(Row(label, $"Registration: {users} distinct users, {Clients} at a time", registered.PerSecond, "users/s", registered, healthz.PerSecond));

        var booked = await OnceEachAsync(bookers, async (http, p) =>
            await PostAsync(http, $"/Breakouts/Bookings/Book/{breakout}", Token(p.Form!, $"book-form-{breakout}"), ""), r => (int)r.StatusCode is >= 200 and < 400);
        rows.Add(Row(label, $"Bookings: {users} delegates for the last {seats} seats of one breakout", booked.PerSecond, "bookings/s", booked, healthz.PerSecond));

        var page = await ForSecondsAsync(urls, i => $"/Summits/Details/1?uncached={i}");
        rows.Add(Row(label, "`/Summits/Details/1?uncached` (anonymous)", page.PerSecond, "requests/s", page, healthz.PerSecond));

        // What the database says: each registrant stored once, the breakout full and no more.
        var after = Convert.ToInt64(await ScalarAsync(db, "SELECT COUNT(*) FROM \"Registrations\" WHERE \"SummitId\" = 1"), Invariant);
        var confirmed = Convert.ToInt64(await ScalarAsync(db, $"SELECT COUNT(*) FROM \"Bookings\" WHERE \"BreakoutId\" = {breakout} AND \"Status\" = 'Confirmed'"), Invariant);
        var counter = Convert.ToInt64(await ScalarAsync(db, $"SELECT \"ConfirmedCount\" FROM \"Breakouts\" WHERE \"Id\" = {breakout}"), Invariant);
        Say($"registrations {before} -> {after} (+{after - before} of {users}); seats confirmed {confirmed} (counter {counter}) of {seats}");
        if (after - before != registered.Succeeded || confirmed != seats || counter != seats)
        {
            Console.Error.WriteLine($"engine [{label}]: the database disagrees with the answers");
            return 1;
        }
        foreach (var row in rows) Console.WriteLine(row);
        return 0;
    }

    private sealed class Person(string email, string url, bool booker)
    {
        public string Email { get; } = email;
        public string Url { get; } = url;
        public bool Booker { get; } = booker;
        public CookieContainer Cookies { get; } = new();
        public string? Form { get; set; }
    }

    private sealed record Outcome(int Succeeded, int Failed, double Seconds)
    {
        public double PerSecond => Succeeded / Seconds;
    }

    private static string Row(string label, string what, double perSecond, string unit, Outcome outcome, double healthz) =>
        $"| {label} | {what} | {perSecond.ToString("F1", Invariant)} {unit} | {(perSecond / healthz).ToString("F4", Invariant)} | " +
        $"{(unit == "users/s" || unit == "bookings/s" ? (perSecond * 60 / 400).ToString("F1", Invariant) + "×" : "—")} | {outcome.Succeeded} in {outcome.Seconds.ToString("F1", Invariant)} s, {outcome.Failed} failed |";

    /// <summary>Each person's request once, <see cref="Clients"/> at a time; succeeded = answers <paramref name="ok"/> accepts.</summary>
    private static async Task<Outcome> OnceEachAsync(IReadOnlyList<Person> people, Func<HttpClient, Person, Task<HttpResponseMessage>> send, Func<HttpResponseMessage, bool> ok)
    {
        var (succeeded, failed) = (0, 0);
        var watch = Stopwatch.StartNew();
        await ForEachAsync(people, Clients, async p =>
        {
            using var http = Client(p.Url, p.Cookies);
            try
            {
                if (ok(await send(http, p))) Interlocked.Increment(ref succeeded); else Interlocked.Increment(ref failed);
            }
            catch (HttpRequestException) { Interlocked.Increment(ref failed); }
        });
        return new Outcome(succeeded, failed, watch.Elapsed.TotalSeconds);
    }

    /// <summary>GETs for a few seconds from <see cref="Clients"/> clients spread over the nodes.</summary>
    private static async Task<Outcome> ForSecondsAsync(string[] urls, Func<long, string> path)
    {
        var seconds = double.Parse(Environment.GetEnvironmentVariable("BENCH_ENGINE_SECONDS") ?? "8", Invariant);
        long sent = 0;
        var (succeeded, failed) = (0, 0);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var http = Client(urls[c % urls.Length], new CookieContainer());
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                try
                {
                    using var response = await http.GetAsync(path(Interlocked.Increment(ref sent)));
                    if (response.IsSuccessStatusCode) Interlocked.Increment(ref succeeded); else Interlocked.Increment(ref failed);
                }
                catch (HttpRequestException) { Interlocked.Increment(ref failed); }
            }
        })));
        return new Outcome(succeeded, failed, watch.Elapsed.TotalSeconds);
    }

    private static Task ForEachAsync<T>(IEnumerable<T> items, int parallel, Func<T, Task> work) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (item, _) => await work(item));

    private static HttpClient Client(string url, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(300) };

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string token, string fields) =>
        http.PostAsync(path, new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token)}{(fields.Length > 0 ? "&" + fields : "")}",
            System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

    /// <summary>The antiforgery token of the form with that id (or of the page's first form).</summary>
    private static string Token(string html, string? formId)
    {
        var start = formId is null ? 0 : html.IndexOf($"id=\"{formId}\"", StringComparison.Ordinal);
        var match = start < 0 ? Match.Empty : Regex.Match(html[start..], "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]*)\"");
        if (match.Success) return match.Groups[1].Value;
        var main = Regex.Replace(html[Math.Max(0, html.IndexOf("<main", StringComparison.Ordinal))..], "<[^>]+>|\\s+", " ");
        throw new InvalidOperationException($"No antiforgery token in form {formId ?? "(first)"}: {main[..Math.Min(main.Length, 600)]}");
    }

    private static DbConnection Open(string provider, string database)
    {
        DbConnection connection = provider == "sqlite" ? new SqliteConnection($"Data Source={database}") : new NpgsqlConnection(database);
        connection.Open();
        return connection;
    }

    private static async Task<object?> ScalarAsync(DbConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task<int> ExecuteAsync(DbConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }
}
