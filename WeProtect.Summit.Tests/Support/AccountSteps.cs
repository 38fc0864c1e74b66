using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using MimeKit;
using OtpNet;

namespace WeProtect.Summit.Tests.Support;

/// <summary>Steps the account tests share: they go through the pages, as a person would.</summary>
internal static partial class AccountSteps
{
    public static string NewEmail() => $"acct-{Guid.NewGuid():N}@example.org";

    public static IReadOnlyList<MimeMessage> MailTo(this SummitAppFactory app, string email) => app.SentMail()
        .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The path and query of the (only) link to this app in the message's text.</summary>
    public static string LinkIn(MimeMessage message, string pathPrefix)
    {
        var links = LinkPattern().Matches(message.TextBody ?? "").Select(m => new Uri(m.Value).PathAndQuery)
            .Where(p => p.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase)).Distinct().ToList();
        Assert.True(links.Count == 1, $"Expected one link to {pathPrefix} in the mail, found {links.Count}");
        return links[0];
    }

    public static async Task<HttpResponseMessage> RegisterAsync(this FormClient client, string email, string fullName = "Registered Person",
        string password = SummitAppFactory.Password)
    {
        var page = await client.GetPageAsync("/Account/Register");
        return await client.SubmitAsync(page, "form#register", new Dictionary<string, string>
        {
            ["Input.FullName"] = fullName, ["Input.Email"] = email,
            ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });
    }

    /// <summary>Posts the log-in form, without following the answer.</summary>
    public static async Task<HttpResponseMessage> TryLogInAsync(this FormClient client, string email, string password, string loginUrl = "/Account/Login")
    {
        var page = await client.GetPageAsync(loginUrl);
        return await client.SubmitAsync(page, "form#login", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password,
        });
    }

    /// <summary>True when the client's cookie opens a signed-in page; false when it is sent to log in.</summary>
    public static async Task<bool> IsSignedInAsync(this FormClient client)
    {
        var response = await client.GetAsync("/Profile/Index");
        if (response.StatusCode == HttpStatusCode.OK) return true;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
        return false;
    }

    public static async Task<IHtmlDocument> PageOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await FormClient.ParseAsync(response);
    }

    public static async Task LogOutAsync(this FormClient client)
    {
        var page = await client.GetPageAsync("/Account/Logout");
        var response = await client.SubmitAsync(page, "form#logout");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await client.IsSignedInAsync());
    }

    public static string Location(this HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString.Replace("http://localhost", "") ?? "";

    /// <summary>Visible text with runs of white space collapsed, for comparing two pages.</summary>
    public static string MainText(IHtmlDocument page) =>
        WhiteSpace().Replace(page.QuerySelector("main")?.TextContent ?? "", " ").Trim();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
