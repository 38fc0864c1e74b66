using System.Text;

namespace WeProtect.Summit.Tests.Security;

/// <summary>A seeded generator of bad input: it takes every form of the app (<see cref="FormSweep"/>: every page as
/// each kind of user) and posts them back with one field (or all) replaced by a malformed value — overlong, control
/// characters, U+FFFE, lone surrogates as raw bytes, bad booleans, enum values, dates and numbers, odd files. No
/// answer may be a 5xx. The seed is fixed, so a failure repeats; the message lists what was sent.</summary>
public class MalformedInputTests(SummitAppFactory app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<SummitAppFactory>
{
    private const int Seed = 20261130;
    private const int MinimumRequests = 1000;

    /// <summary>Values already percent-encoded for a form body, so that bytes no string can hold (a lone surrogate
    /// in UTF-8, invalid UTF-8) reach the server as they are.</summary>
    private static readonly string[] Encoded =
    [
        "%ED%A0%80", "x%ED%B0%80y", "%FF%FE", "%C0%AF", "%00", "a%00b", "%1B%5B31mred%1B%5B0m", "%0D%0AInjected%3A%20yes",
        "%EF%BF%BE", "%EF%BF%BF", "%EF%B7%90", "%E2%80%AEevil", "%", "%zz", "%%", "+", "%E2%81%A6x%E2%81%A9",
    ];

    private static readonly string[] Plain =
    [
        "", " ", "\t", "maybe", "TRUE ", "1", "on", "-1", "0", "999999999999999999999", "-2147483649", "1e309", "NaN", "0x10", "１２",
        "2026-13-45", "0000-00-00", "9999-12-31T99:99", "yesterday", "24:61", "NotAValue", "Government,Civil society", "00000000-0000-0000-0000-000000000000",
        "not-a-guid", "<script>alert(1)</script>", "'; DROP TABLE Users; --", "../../etc/passwd", "=HYPERLINK(\"http://x\",\"y\")",
        "\uFFFE", "a\uFFFFb", "\u202Eevil", "\u0000", "\u001b[2J", "\r\n", new string('x', 5000), new string('é', 70_000),
        "🙂", "a\u0301", "http://evil.example/", "//evil.example", "javascript:alert(1)",
    ];

    private static string Enc(string value) => Uri.EscapeDataString(value);

    /// <summary>The malformed values to try in one field: typed ones first, then a random few of all.</summary>
    private static IEnumerable<string> MutationsFor(FormSweep.Field field, Random random, int count)
    {
        var all = Plain.Select(Enc).Concat(Encoded).ToArray();
        var typed = field.Type switch
        {
            "checkbox" => new[] { "maybe", "2", "truefalse", "TRUE ", "yes" }.Select(Enc),
            "number" => new[] { "1e309", "-0", "99999999999999999999", "3.5", "NaN" }.Select(Enc),
            "date" or "datetime-local" or "time" => new[] { "2026-02-30", "0001-01-01", "9999-12-31T23:59:59.9999999", "2026-13-01T25:00" }.Select(Enc),
            "select" => new[] { "999", "-1", "NotAValue" }.Select(Enc),
            // Every text field gets the characters that broke pages before: a noncharacter, a lone surrogate (raw
            // bytes), NUL, a terminal escape, a line break and an overlong value.
            _ => new[] { Enc("a\uFFFEb"), "%ED%A0%80", "%00", "%1B%5B31m", "%0D%0A", Enc(new string('x', 5000)) },
        };
        return typed.Concat(Enumerable.Range(0, count).Select(_ => all[random.Next(all.Length)]));
    }

    private static IEnumerable<(string Name, byte[] Content)> BadFiles(Random random)
    {
        var noise = new byte[4096];
        random.NextBytes(noise);
        yield return ("noise.pdf", noise);
        yield return ("empty.csv", []);
        yield return ("nul.csv", new byte[1024]);
        yield return ("half.pdf", [.. "%PDF-1.7\n1 0 obj\n<< /ByteRange [0 99999999 -5 3] /Contents <zz> >>"u8]);
        yield return ("names.csv", Encoding.UTF8.GetBytes("formal_name,sort_name,sector,country,member_since\n\"a\u0000b\",\u202E,Government,GB,1e9\n\uFFFE,,X,ZZ,-1\n"));
        yield return ("latin1.csv", Encoding.Latin1.GetBytes("formal_name\nSão Tomé\n"));
        yield return ("huge.csv", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Org,,Civil society,GB,\n", 130_000)))); // ~3 MB, over the import limit
    }

    [Fact]
    public async Task A_thousand_malformed_inputs_to_every_form_get_no_server_error()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var sweep = await FormSweep.DiscoverAsync(app);
        using var _ = sweep;
        var (clients, forms, failures) = (sweep.Clients, sweep.Forms, sweep.Failures);
        Assert.True(forms.Count >= 40, $"Only {forms.Count} forms found");
        output.WriteLine($"{sweep.Visited} pages visited, {forms.Count} forms found after {clock.Elapsed.TotalSeconds:F1} s");

        var random = new Random(Seed);
        var sent = 0;
        // The same form on another row's page ("/Messages/1", "/Messages/2") binds the same fields with the same code:
        // its first copy gets every field's malformed values, the others (whose rows are in other states) the whole
        // form malformed and emptied. Each field's values on every copy were half of the test's minutes.
        var firstCopies = forms.GroupBy(f => $"{f.Who} {f.Method} {System.Text.RegularExpressions.Regex.Replace(f.Action, @"\d+", "#")} {string.Join(",", f.Fields.Select(x => x.Name))}")
            .Select(g => g.First()).ToHashSet();
        for (var round = 0; sent < MinimumRequests || round == 0; round++)
            foreach (var form in forms)
            {
                var client = clients[form.Who];
                var mutable = firstCopies.Contains(form) ? form.Fields.Where(f => f.Name != "__RequestVerificationToken").ToList() : [];
                foreach (var field in mutable)
                    foreach (var value in round == 0 ? MutationsFor(field, random, 1) : MutationsFor(field, random, 1).TakeLast(1))
                    {
                        sent++;
                        var pairs = form.Fields.Select(f => (f.Name, f == field ? value : Enc(f.Value))).ToList();
                        await SendAsync(client, form, pairs, null, failures, $"{field.Name}={value}");
                    }
                // Every field malformed at once, and every field left out.
                sent += 2;
                await SendAsync(client, form, form.Fields.Select(f => (f.Name, f.Name == "__RequestVerificationToken" ? Enc(f.Value) : MutationsFor(f, random, 1).Last())).ToList(), null, failures, "all fields");
                await SendAsync(client, form, form.Fields.Where(f => f.Name == "__RequestVerificationToken").Select(f => (f.Name, Enc(f.Value))).ToList(), null, failures, "no fields");
                if (round == 0 && firstCopies.Contains(form))
                    foreach (var file in form.Files.Count == 0 ? [] : BadFiles(random).ToList())
                    {
                        sent++;
                        await SendAsync(client, form, form.Fields.Select(f => (f.Name, Enc(f.Value))).ToList(), file, failures, $"file {file.Name} ({file.Content.Length} bytes)");
                    }
            }
        output.WriteLine($"{sent} malformed requests sent after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(sent >= MinimumRequests, $"{sent} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} server errors of {sent} requests to {forms.Count} forms:\n" + string.Join("\n", failures.Take(40)));
    }

    private static async Task SendAsync(FormClient client, FormSweep.Form form, List<(string Name, string Encoded)> pairs, (string Name, byte[] Content)? file,
        List<string> failures, string what)
    {
        var response = await client.Http.SendAsync(FormSweep.Request(form, pairs, file));
        if ((int)response.StatusCode >= 500)
            failures.Add($"{(int)response.StatusCode} {form.Method.ToUpperInvariant()} {form.Action} as {form.Who} ({form.Page}) with {(what.Length > 120 ? what[..120] + "…" : what)}");
    }




}
