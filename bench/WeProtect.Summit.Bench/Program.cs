using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Configuration;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Infrastructure;
using WeProtect.Summit.Web.Pdf;

// Time and memory of the PDF work the publishing job and the signatory downloads do, outside the web app.
//
//   dotnet run -c Release --project bench/WeProtect.Summit.Bench -- all [--write]
//
// "all" runs every scenario in a process of its own (so that each peak working set is its own) and prints a Markdown
// table; --write appends it as a section to bench/RESULTS.md; --only a,b runs only the scenarios named. One scenario
// alone: "communique", "communique-tsa 150" (render + sign + timestamp from a local RFC 3161 authority on 127.0.0.1),
// "publication-tsa 150" (what the publishing job does: that, plus the signatory-list PDF signed and timestamped too),
// "list-pdf 10000", "list-csv 1000", … Each scenario warms up, then repeats the operation and reports the median and mean wall time,
// the bytes allocated per operation (GC.GetAllocatedBytesForCurrentThread) and the process's peak working set.

var invariant = CultureInfo.InvariantCulture;
// "engine …": the production engine under HTTP load, run by bench/engine.sh (see EngineBench).
if (args.Length > 0 && args[0] == "engine") return await EngineBench.RunAsync(args);
if (args.Length == 0 || args[0] == "all")
{
    var only = Array.IndexOf(args, "--only") is var at and >= 0 && at + 1 < args.Length ? args[at + 1].Split(',') : null;
    return Driver(args.Contains("--write"), only);
}
return Scenario(args[0], args.Length > 1 ? int.Parse(args[1], invariant) : 0);

static int Driver(bool write, string[]? only)
{
    string[][] scenarios =
    [
        ["communique", "150"],
        ["communique-tsa", "150"],
        ["publication-tsa", "150"],
        ["render-only", "150"],
        ["list-pdf", "1000"], ["list-pdf", "5000"], ["list-pdf", "10000"],
        ["list-csv", "1000"], ["list-csv", "5000"], ["list-csv", "10000"],
        ["list-json", "1000"], ["list-json", "10000"],
    ];
    var rows = new List<string>();
    foreach (var s in scenarios.Where(s => only is null || only.Contains(s[0])))
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!, [typeof(Sample).Assembly.Location, .. s])
        { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) != "dotnet")
            start = new ProcessStartInfo(Environment.ProcessPath!, s) { RedirectStandardOutput = true, UseShellExecute = false };
        using var p = Process.Start(start)!;
        var line = p.StandardOutput.ReadToEnd().Trim().Split('\n').Last();
        p.WaitForExit();
        Console.WriteLine(line);
        rows.Add(line);
    }
    var machine = $"{Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {LoadAverage()}";
    var table = new StringBuilder()
        .AppendLine()
        .AppendLine($"## PDF rendering and signing ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)")
        .AppendLine()
        .AppendLine($"`dotnet run -c Release --project bench/WeProtect.Summit.Bench -- all --write{(only is null ? "" : " --only " + string.Join(',', only))}` (each scenario in a process of its own).")
        .AppendLine($"Machine: {machine}.")
        .AppendLine()
        .AppendLine("| Scenario | Rows | Iterations | Median | Mean | Allocated per op | Output size | Peak working set |")
        .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var r in rows) table.AppendLine(r);
    Console.WriteLine(table);
    if (write)
    {
        var results = Path.Combine(RepositoryRoot(), "bench", "RESULTS.md");
        File.AppendAllText(results, table.ToString());
        Console.WriteLine($"Appended to {results}");
    }
    return 0;
}

static int Scenario(string name, int rows)
{
    SummitFonts.Register();
    var folder = Path.Combine(Path.GetTempPath(), "weprotect-bench", Guid.NewGuid().ToString("N"));
    var certificates = new SigningCertificates(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), new DataFolder(folder));
    using var certificate = certificates.Current(); // created once, outside the measurement
    var signatories = Sample.Signatories(rows);
    var content = Sample.Communique(signatories);
    var header = new SignatoryListHeader(1, "Call to Action", "Global Summit", content.ContentHash, DateTime.UtcNow);
    // A local RFC 3161 authority (the tests' own) for the timestamped scenarios: the round trip is over loopback, so the
    // figure is the app's work plus a minimal authority's, not a public authority's network latency.
    using var authority = name.EndsWith("-tsa", StringComparison.Ordinal) ? new WeProtect.Summit.Tests.Support.LocalTimestampAuthority() : null;
    var timestamps = authority is null ? null : new TimestampAuthority(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [TimestampAuthority.AddressKey] = authority.Url }).Build());
    byte[] Stamped(byte[] pdf, string reason) =>
        PdfSigner.SignAsync(pdf, certificate, null, timestamps, CancellationToken.None, reason).GetAwaiter().GetResult();
    Func<byte[]> operation = name switch
    {
        "communique" => () => PdfSigner.Sign(CommuniquePdf.Render(content), certificate),
        "communique-tsa" => () => Stamped(CommuniquePdf.Render(content), PdfSigner.Reason),
        "publication-tsa" => () =>
        {
            var communique = Stamped(CommuniquePdf.Render(content), PdfSigner.Reason);
            var list = Stamped(SignatoryLists.Pdf(header, new AgreedByList(AgreedByLayout.BySector, signatories)), PdfSigner.ListReason);
            return [.. communique, .. list];
        },
        "render-only" => () => CommuniquePdf.Render(content),
        "list-pdf" => () => SignatoryLists.Pdf(header, new AgreedByList(AgreedByLayout.BySector, signatories)),
        "list-csv" => () => SignatoryLists.Csv(new AgreedByList(AgreedByLayout.BySector, signatories)),
        "list-json" => () => SignatoryLists.Json(header, new AgreedByList(AgreedByLayout.BySector, signatories)),
        _ => throw new ArgumentException($"Unknown scenario {name}"),
    };
    var sample = operation();
    if (name is "communique-tsa" && PdfSignatureVerifier.Verify(sample) is not { IsValid: true, TimestampUtc: not null })
        throw new InvalidOperationException("The timestamped sample does not verify with its timestamp.");
    if (name is "communique" or "list-pdf")
    {
        // Kept for a look (bench/out is ignored by git): pdfsig bench/out/communique-sample.pdf
        var outFolder = Path.Combine(RepositoryRoot(), "bench", "out");
        Directory.CreateDirectory(outFolder);
        File.WriteAllBytes(Path.Combine(outFolder, name == "communique" ? "communique-sample.pdf" : $"signatories-{rows}.pdf"), sample);
    }
    for (var i = 0; i < 3; i++) operation(); // warm-up (JIT, font subsetting caches)

    var iterations = name.StartsWith("list-", StringComparison.Ordinal) && rows >= 10_000 ? 10 : 20;
    var times = new List<double>();
    long allocated = 0;
    for (var i = 0; i < iterations; i++)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        operation();
        watch.Stop();
        allocated += GC.GetAllocatedBytesForCurrentThread() - before;
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    var median = times[times.Count / 2];
    var mean = times.Average();
    using var self = Process.GetCurrentProcess();
    self.Refresh();
    var peak = self.PeakWorkingSet64 / 1024.0 / 1024.0;
    try { Directory.Delete(folder, true); } catch (IOException) { }
    var inv = CultureInfo.InvariantCulture;
    var label = name switch
    {
        "communique" => "Communiqué: render + sign (2024-length text)",
        "communique-tsa" => "Communiqué: render + sign + timestamp (local TSA)",
        "publication-tsa" => "Publication: communiqué + signatory list, each signed + timestamped (local TSA)",
        "render-only" => "Communiqué: render only",
        "list-pdf" => "Signatory list PDF",
        "list-csv" => "Signatory list CSV",
        _ => "Signatory list JSON",
    };
    Console.WriteLine(string.Create(inv,
        $"| {label} | {rows:N0} | {iterations} | {median:F1} ms | {mean:F1} ms | {allocated / (double)iterations / 1024 / 1024:F1} MB | {sample.Length / 1024.0:F0} KB | {peak:F0} MB |"));
    return 0;
}

static string RepositoryRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DEVELOPERS.md"))) dir = dir.Parent;
    return dir?.FullName ?? Directory.GetCurrentDirectory();
}

static string CpuModel()
{
    try { return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "unknown CPU"; }
    catch (IOException) { return "unknown CPU"; }
}

static string LoadAverage()
{
    try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
    catch (IOException) { return "n/a"; }
}

/// <summary>Input comparable to the 2024 Call to Action: a preamble of four paragraphs and a bullet list, then 16
/// numbered commitments in four sections (all members, governments, private sector, civil society), each with two
/// to four lettered items of one or two sentences — about 2,600 words — and as many signatories as asked, in the four
/// sectors, with accented names among them.</summary>
internal static class Sample
{
    private static readonly string[] Verbs = ["Strengthen", "Invest in", "Coordinate", "Support", "Promote", "Develop", "Publish", "Review"];
    private static readonly string[] Objects =
    [
        "national and regional cooperation against online child sexual exploitation and abuse",
        "prevention programmes that reach children, parents, carers and educators in every community",
        "specialist services for victims and survivors, designed with survivors and funded for the long term",
        "the capacity of law enforcement to identify victims and offenders across borders",
        "safety by design in products and services used by children",
        "transparency about the risks children face online and the measures taken to reduce them",
    ];

    public static string Text()
    {
        var sb = new StringBuilder("# Call to Action\n\n");
        for (var p = 0; p < 4; p++)
            sb.Append("We, the members of the WeProtect Global Alliance, gathered at the Global Summit, recognise that ")
              .Append(Objects[p % Objects.Length]).Append(" is essential, and that no single government, company or organisation can end ")
              .Append("the sexual exploitation and abuse of children online alone. We commit to act together, with urgency and in the best interests of every child.\n\n");
        sb.Append("- The best interests of the child come first.\n- Survivors' voices shape what we do.\n- No single sector can succeed alone.\n\n");
        (string Heading, string Audience, int Count)[] sections =
        [
            ("All members commit to", "all", 7), ("Government delegates pledge to", "government", 5),
            ("Private sector delegates pledge to", "private-sector", 2), ("Civil society delegates pledge to", "civil-society", 2),
        ];
        var n = 0;
        foreach (var (heading, audience, count) in sections)
        {
            sb.Append($"## {heading} {{audience={audience}}}\n\n");
            for (var c = 1; c <= count; c++, n++)
            {
                sb.Append($"{c}. **{Verbs[n % Verbs.Length]} {Objects[n % Objects.Length].Split(' ')[0]} {Objects[n % Objects.Length].Split(' ')[1]}**\n");
                var items = 2 + n % 3;
                for (var i = 0; i < items; i++)
                    sb.Append($"   {(char)('a' + i)}. {Verbs[(n + i) % Verbs.Length]} {Objects[(n + i + 1) % Objects.Length]}, working with all sectors and " +
                              $"measuring progress each year against the commitments of this Call to Action, so that {Objects[(n + i + 2) % Objects.Length]} improves.\n");
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    public static IReadOnlyList<Signatory> Signatories(int count)
    {
        string[] special = ["Côte d'Ivoire", "Türkiye", "São Tomé and Príncipe", "People's Republic of China", "Ärzte für Kinderschutz"];
        var sectors = Enum.GetValues<Sector>();
        var list = new List<Signatory>(count);
        for (var i = 0; i < count; i++)
        {
            var name = i < special.Length ? special[i] : $"Organisation {i:D5} for the Protection of Children Online";
            list.Add(new Signatory(i + 1, name, name, sectors[i % sectors.Length], i + 1, DateTime.UtcNow.AddMinutes(-i), "Printed Name", "Minister"));
        }
        return AgreedBy.Order(list, CultureInfo.InvariantCulture.CompareInfo);
    }

    public static CommuniqueContent Communique(IReadOnlyList<Signatory> signatories)
    {
        var parsed = StatementParser.Parse(Text());
        if (parsed.Document is null) throw new InvalidOperationException(string.Join("; ", parsed.Errors));
        return new CommuniqueContent("Global Summit to Tackle Online Child Sexual Exploitation", "11–12 December 2024 · Abu Dhabi, United Arab Emirates",
            parsed.Document, 3, parsed.Hash, signatories, DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Dubai"));
    }
}
