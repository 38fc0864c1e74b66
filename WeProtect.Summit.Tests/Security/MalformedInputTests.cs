using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using WeProtect.Summit.Tests.Breakouts;
using WeProtect.Summit.Tests.Communiques;
using WeProtect.Summit.Tests.Signing;
using WeProtect.Summit.Tests.Statements;

namespace WeProtect.Summit.Tests.Security;

/// <summary>A seeded generator of bad input: it finds every form of the app by visiting every page (the pages the
/// authorization test knows, with the ids of seeded data) as each kind of user, reads the forms' fields with
/// AngleSharp, and posts them back with one field (or all) replaced by a malformed value — overlong, control
/// characters, U+FFFE, lone surrogates as raw bytes, bad booleans, enum values, dates and numbers, odd files. No
/// answer may be a 5xx. The seed is fixed, so a failure repeats; the message lists what was sent.</summary>
public class MalformedInputTests(SummitAppFactory app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<SummitAppFactory>
{
    private const int Seed = 20261130;
    private const int MinimumRequests = 1000;

    private sealed record Field(string Name, string Type, string Value, IReadOnlyList<string> Options);

    private sealed record Form(string Who, string Page, string Method, string Action, bool Multipart, IReadOnlyList<Field> Fields, IReadOnlyList<string> Files);

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
    private static IEnumerable<string> MutationsFor(Field field, Random random, int count)
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
        var (organiserClient, clients) = await SeedAsync();
        var visited = 0;
        using var _ = organiserClient;
        var forms = new Dictionary<string, Form>();
        var failures = new List<string>();
        var parser = new HtmlParser();
        foreach (var (who, client) in clients)
            foreach (var url in Urls())
            {
                var response = await client.GetAsync(url);
                visited++;
                if ((int)response.StatusCode >= 500) failures.Add($"GET {url} as {who}: {(int)response.StatusCode}");
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var page = parser.ParseDocument(await response.Content.ReadAsStringAsync());
                foreach (var form in FormsOf(who, url, page)) forms.TryAdd($"{who} {form.Method} {form.Action} {string.Join(",", form.Fields.Select(f => f.Name))}", form);
            }
        Assert.True(forms.Count >= 40, $"Only {forms.Count} forms found");
        output.WriteLine($"{visited} pages visited, {forms.Count} forms found after {clock.Elapsed.TotalSeconds:F1} s");

        var random = new Random(Seed);
        var sent = 0;
        for (var round = 0; sent < MinimumRequests || round == 0; round++)
            foreach (var form in forms.Values)
            {
                var client = clients[form.Who];
                var mutable = form.Fields.Where(f => f.Name != "__RequestVerificationToken").ToList();
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
                if (round == 0)
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

    private static async Task SendAsync(FormClient client, Form form, List<(string Name, string Encoded)> pairs, (string Name, byte[] Content)? file,
        List<string> failures, string what)
    {
        var url = form.Action;
        HttpRequestMessage request;
        if (form.Method == "get")
        {
            var query = string.Join("&", pairs.Select(p => $"{Enc(p.Name)}={p.Encoded}"));
            request = new HttpRequestMessage(HttpMethod.Get, url.Split('?')[0] + "?" + query);
        }
        else if (form.Multipart || file is not null)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, encoded) in pairs) multipart.Add(new ByteArrayContent(PercentDecode(encoded)), name);
            foreach (var input in form.Files)
                if (file is { } f) multipart.Add(new ByteArrayContent(f.Content), input, f.Name);
            request = new HttpRequestMessage(HttpMethod.Post, url) { Content = multipart };
        }
        else
        {
            var body = string.Join("&", pairs.Select(p => $"{Enc(p.Name)}={p.Encoded}"));
            request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded") };
        }
        var response = await client.Http.SendAsync(request);
        if ((int)response.StatusCode >= 500)
            failures.Add($"{(int)response.StatusCode} {form.Method.ToUpperInvariant()} {url} as {form.Who} ({form.Page}) with {(what.Length > 120 ? what[..120] + "…" : what)}");
    }

    /// <summary>The raw bytes of a percent-encoded value (invalid sequences kept as they are).</summary>
    private static byte[] PercentDecode(string encoded)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length && Uri.IsHexDigit(encoded[i + 1]) && Uri.IsHexDigit(encoded[i + 2]))
            {
                bytes.Add(Convert.ToByte(encoded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(encoded[i].ToString()));
        }
        return [.. bytes];
    }

    private static IEnumerable<Form> FormsOf(string who, string url, IHtmlDocument page)
    {
        foreach (var form in page.QuerySelectorAll("form").OfType<IHtmlFormElement>())
        {
            var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
            if (action.Contains("Logout", StringComparison.OrdinalIgnoreCase)) continue; // would end the session the rest needs
            var fields = new List<Field>();
            var files = new List<string>();
            foreach (var element in form.Elements)
            {
                var name = element.GetAttribute("name");
                if (string.IsNullOrEmpty(name)) continue;
                switch (element)
                {
                    case IHtmlInputElement { Type: "file" }: files.Add(name); break;
                    case IHtmlInputElement { Type: "submit" or "button" or "image" or "reset" }: break;
                    case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                        if (input.IsChecked || !fields.Any(f => f.Name == name)) fields.Add(new(name, input.Type, input.Value, []));
                        break;
                    case IHtmlInputElement input: fields.Add(new(name, input.Type, input.Value, [])); break;
                    case IHtmlSelectElement select:
                        fields.Add(new(name, "select", select.Options.FirstOrDefault(o => o.IsSelected)?.Value ?? "", select.Options.Select(o => o.Value).ToList()));
                        break;
                    case IHtmlTextAreaElement area: fields.Add(new(name, "textarea", area.Value, [])); break;
                }
            }
            var method = (form.GetAttribute("method") ?? "get").ToLowerInvariant();
            var multipart = string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase);
            yield return new Form(who, url, method, action, multipart, fields, files);
            // Submit buttons that post elsewhere (asp-page-handler on a button).
            foreach (var button in form.QuerySelectorAll("button[formaction], input[formaction]"))
                yield return new Form(who, url, method, button.GetAttribute("formaction")!, multipart, fields, files);
        }
    }

    /// <summary>Every page of the app, with each route value replaced by ids of the seeded rows (1 to 4: a fresh
    /// database numbers from 1), and the optional download handlers left out.</summary>
    private IEnumerable<string> Urls()
    {
        var templates = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()).OfType<PageActionDescriptor>()
            .DistinctBy(p => p.ViewEnginePath)
            .Where(p => p.ViewEnginePath is not ("/Setup" or "/Account/Logout"))
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p.AttributeRouteInfo?.Template ?? p.ViewEnginePath.TrimStart('/'), @"/\{[^}]+\?\}", ""));
        var urls = new HashSet<string>();
        foreach (var template in templates)
        {
            var parameters = System.Text.RegularExpressions.Regex.Matches(template, @"\{[^}]+\}").Select(m => m.Value).Distinct().ToList();
            IEnumerable<string> filled = ["/" + template];
            foreach (var parameter in parameters)
                filled = filled.SelectMany(u => Enumerable.Range(1, parameters.Count > 1 ? 3 : 4).Select(id => u.Replace(parameter, id.ToString())));
            foreach (var url in filled) urls.Add(url.EndsWith("/Index", StringComparison.Ordinal) ? url[..^"Index".Length] : url);
        }
        return urls.Order(StringComparer.Ordinal);
    }

    /// <summary>Summits, organisations, breakouts, statements (open, closed), a delegate, a signatory and an
    /// organiser-administrator; a client per kind of user.</summary>
    private async Task<(FormClient Organiser, Dictionary<string, FormClient> Clients)> SeedAsync()
    {
        var summit = await app.CreateOpenSummitAsync();
        var organisation = await app.CreateOrganisationAsync();
        await app.CreateBreakoutAsync(summit);
        var (open, _) = await app.OpenStatementAsync();
        // A draft (its text form) and one in consultation (comments and amendments).
        await app.CreateStatementAsync(summit.Id, Data.Statements.StatementStatus.Draft, StatementExample.CallToAction2024, "Draft statement");
        await app.CreateStatementAsync(summit.Id, Data.Statements.StatementStatus.Consultation, StatementExample.CallToAction2024, "Consulted statement");
        await app.ClosedStatementAsync();
        var (delegateUser, _) = await app.ApprovedDelegateAsync(summit.Id);
        await app.GrantAsync(delegateUser, organisation.Id);
        var delegateClient = app.CreateFormClient();
        await delegateClient.LogInAsync(delegateUser.Email!, SummitAppFactory.Password);
        var staff = await app.LoggedInClientAsync(Roles.Organiser, Roles.Admin);
        var clients = new Dictionary<string, FormClient>
        {
            ["anonymous"] = app.CreateFormClient(),
            ["delegate"] = delegateClient,
            ["organiser"] = staff,
        };
        Assert.True(open.Id > 0);
        return (staff, clients);
    }
}
