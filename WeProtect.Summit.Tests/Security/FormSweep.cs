using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using WeProtect.Summit.Tests.Signing;
using WeProtect.Summit.Tests.Statements;

namespace WeProtect.Summit.Tests.Security;

/// <summary>Every form of the app as its users get them: summits, organisations, breakouts, statements (draft, in
/// consultation, open, closed), a delegate who signs for an organisation and an organiser-administrator are seeded;
/// then every page (each route value filled with the ids 1 to 4 of the seeded rows: a fresh database numbers from 1) is
/// visited as each kind of user, and each form read with AngleSharp. Used by the tests that post the forms back in
/// ways users and attackers do (<see cref="MalformedInputTests"/>, <see cref="DoubleSubmitChecks"/>).</summary>
public sealed class FormSweep : IDisposable
{
    public sealed record Field(string Name, string Type, string Value, IReadOnlyList<string> Options);

    public sealed record Form(string Who, string Page, string Method, string Action, bool Multipart, IReadOnlyList<Field> Fields, IReadOnlyList<string> Files);

    private FormSweep(Dictionary<string, FormClient> clients) => Clients = clients;

    /// <summary>A logged-in client per kind of user ("anonymous", "delegate", "organiser").</summary>
    public Dictionary<string, FormClient> Clients { get; }

    /// <summary>Each distinct form once (by user, method, action and fields), in the order the pages were visited.</summary>
    public List<Form> Forms { get; } = [];

    /// <summary>Pages that answered a 5xx while being visited.</summary>
    public List<string> Failures { get; } = [];

    public int Visited { get; private set; }

    public static async Task<FormSweep> DiscoverAsync(SummitAppFactory app)
    {
        var sweep = new FormSweep(await SeedAsync(app));
        var seen = new HashSet<string>();
        var parser = new HtmlParser();
        foreach (var (who, client) in sweep.Clients)
            foreach (var url in Urls(app))
            {
                var response = await client.GetAsync(url);
                sweep.Visited++;
                if ((int)response.StatusCode >= 500) sweep.Failures.Add($"GET {url} as {who}: {(int)response.StatusCode}");
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var page = parser.ParseDocument(await response.Content.ReadAsStringAsync());
                foreach (var form in FormsOf(who, url, page))
                    if (seen.Add($"{who} {form.Method} {form.Action} {string.Join(",", form.Fields.Select(f => f.Name))}")) sweep.Forms.Add(form);
            }
        return sweep;
    }

    /// <summary>The request that submits <paramref name="form"/> with these values (already percent-encoded, so that
    /// bytes no string can hold reach the server as they are) and, for a form with a file input, this file.</summary>
    public static HttpRequestMessage Request(Form form, IEnumerable<(string Name, string Encoded)> pairs, (string Name, byte[] Content)? file = null)
    {
        var url = form.Action;
        if (form.Method == "get")
            return new HttpRequestMessage(HttpMethod.Get, url.Split('?')[0] + "?" + string.Join("&", pairs.Select(p => $"{Uri.EscapeDataString(p.Name)}={p.Encoded}")));
        if (form.Multipart || file is not null)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, encoded) in pairs) multipart.Add(new ByteArrayContent(PercentDecode(encoded)), name);
            foreach (var input in form.Files)
                if (file is { } f) multipart.Add(new ByteArrayContent(f.Content), input, f.Name);
            return new HttpRequestMessage(HttpMethod.Post, url) { Content = multipart };
        }
        var body = string.Join("&", pairs.Select(p => $"{Uri.EscapeDataString(p.Name)}={p.Encoded}"));
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded") };
    }

    /// <summary>The request that submits <paramref name="form"/> as the page gave it, as a user's click does.</summary>
    public static HttpRequestMessage AsGiven(Form form) => Request(form, form.Fields.Select(f => (f.Name, Uri.EscapeDataString(f.Value))));

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
            else bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(encoded[i].ToString()));
        }
        return [.. bytes];
    }

    public void Dispose()
    {
        foreach (var client in Clients.Values) client.Dispose();
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
    private static IEnumerable<string> Urls(SummitAppFactory app)
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
    private static async Task<Dictionary<string, FormClient>> SeedAsync(SummitAppFactory app)
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
        return clients;
    }
}
