using AngleSharp;
using AngleSharp.Html.Dom;

namespace WeProtect.Summit.Tests.Support;

/// <summary>Drives the app as a browser without JavaScript would: reads pages with AngleSharp, fills in a form
/// (keeping its hidden fields, antiforgery token included) and posts it.</summary>
public sealed class FormClient(HttpClient http) : IDisposable
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public HttpClient Http { get; } = http;

    /// <summary>GETs a page, follows redirects, and fails unless it ends in 200.</summary>
    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        var response = await FollowAsync(await Http.GetAsync(url));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode}: {Truncate(body)}");
        return await ParseAsync(response, body);
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    /// <summary>Fills in the form matched by <paramref name="formSelector"/> and posts it, without following
    /// the redirect. Values override the form's own; a value for a field the form lacks fails the test, so a
    /// renamed field is caught. <paramref name="files"/> makes a multipart post.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlDocument page, string formSelector,
        IDictionary<string, string>? values = null, IDictionary<string, (string FileName, byte[] Content)>? files = null,
        string? submitter = null)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new Xunit.Sdk.XunitException($"No form matches {formSelector}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "file" or "image"):
                    if (input.Type is "checkbox" or "radio") { if (input.IsChecked) fields.Add(new(input.Name, input.Value)); }
                    else fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    foreach (var option in select.Options.Where(o => o.IsSelected)) fields.Add(new(select.Name, option.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }
        if (submitter is not null)
        {
            var button = form.QuerySelector(submitter) ?? throw new Xunit.Sdk.XunitException($"No submit button matches {submitter}");
            if (button.GetAttribute("name") is { } name) fields.Add(new(name, button.GetAttribute("value") ?? ""));
        }
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            var known = form.Elements.Any(e => e.GetAttribute("name") == name);
            Assert.True(known, $"The form {formSelector} has no field named {name}");
            // A checkbox posts "true" plus its hidden "false"; setting a value replaces both.
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        var action = (submitter is not null ? form.QuerySelector(submitter)?.GetAttribute("formaction") : null)
            ?? form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? new Uri(page.Url).PathAndQuery : action;
        // Not Uri.TryCreate(Absolute): on Linux it reads "/path" as a file URI.
        if (target.StartsWith("http", StringComparison.OrdinalIgnoreCase)) target = new Uri(target).PathAndQuery;

        HttpContent content;
        if (files is null) content = new FormUrlEncodedContent(fields);
        else
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (key, value) in fields) multipart.Add(new StringContent(value), key);
            foreach (var (key, (fileName, bytes)) in files) multipart.Add(new ByteArrayContent(bytes), key, fileName);
            content = multipart;
        }
        return await Http.PostAsync(target, content);
    }

    /// <summary>Submits and follows the redirect, returning the page shown afterwards (or the re-shown form).</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> SubmitAndFollowAsync(IHtmlDocument page, string formSelector,
        IDictionary<string, string>? values = null, IDictionary<string, (string FileName, byte[] Content)>? files = null, string? submitter = null)
    {
        var response = await FollowAsync(await SubmitAsync(page, formSelector, values, files, submitter));
        return (response, await ParseAsync(response));
    }

    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 10 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
                 or HttpStatusCode.SeeOther or HttpStatusCode.RedirectKeepVerb or HttpStatusCode.TemporaryRedirect; hops++)
            response = await Http.GetAsync(response.Headers.Location!);
        return response;
    }

    /// <summary>Logs in through the log-in form and fails unless it succeeds.</summary>
    public async Task LogInAsync(string email, string password)
    {
        var page = await GetPageAsync("/Account/Login");
        var response = await SubmitAsync(page, "form#login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Log-in failed: {(int)response.StatusCode} {Truncate(await response.Content.ReadAsStringAsync())}");
    }

    /// <summary>The response's body as a document that knows its own address (for forms without an action).</summary>
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response, string? body = null)
    {
        body ??= await response.Content.ReadAsStringAsync();
        var address = response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/";
        return (IHtmlDocument)await Context.OpenAsync(r => r.Content(body).Address(address));
    }

    private static string Truncate(string s) => s.Length > 2000 ? s[..2000] : s;

    public void Dispose() => Http.Dispose();
}
