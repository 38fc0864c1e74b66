using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;

namespace WeProtect.Summit.Tests.Support;

/// <summary>Invitations through the pages: an organiser invites, the focal point accepts and nominates; links are
/// read from the e-mails the jobs write.</summary>
public static partial class InvitationSteps
{
    /// <summary>An organiser invites <paramref name="organisationId"/> through the form; fails unless it is sent.</summary>
    public static async Task InviteAsync(this FormClient organiser, int summitId, int organisationId, string email, int? heads = null, int? delegates = null)
    {
        var page = await organiser.GetPageAsync($"/Invitations/Manage/{summitId}");
        var values = new Dictionary<string, string> { ["Input.OrganisationId"] = organisationId.ToString(CultureInfo.InvariantCulture), ["Input.Email"] = email };
        if (heads is not null) values["Input.Heads"] = heads.Value.ToString(CultureInfo.InvariantCulture);
        if (delegates is not null) values["Input.Delegates"] = delegates.Value.ToString(CultureInfo.InvariantCulture);
        var response = await organiser.SubmitAsync(page, "#invite-form", values);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The link (path and query) of the latest e-mail to <paramref name="email"/> whose subject contains <paramref name="subject"/>.</summary>
    public static async Task<string> LinkInMailAsync(this SummitAppFactory app, string email, string subject)
    {
        var mail = await app.WaitForMailAsync(m => m.To.ToString().Contains(email, StringComparison.OrdinalIgnoreCase) && (m.Subject ?? "").Contains(subject));
        var match = Link().Match(mail.TextBody ?? "");
        Assert.True(match.Success, mail.TextBody);
        return new Uri(match.Value).PathAndQuery;
    }

    /// <summary>The focal point accepts through the link; answers the delegation page's address.</summary>
    public static async Task<string> AcceptAsync(this FormClient focalPoint, string link)
    {
        var page = await focalPoint.GetPageAsync(link);
        var response = await focalPoint.SubmitAsync(page, "#accept-form");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Posts the nomination form; answers the page shown afterwards.</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> NominateAsync(this FormClient focalPoint, string delegationPath,
        string email, string category, IDictionary<string, string>? protocol = null)
    {
        var page = await focalPoint.GetPageAsync(delegationPath);
        var values = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Category"] = category };
        foreach (var (k, v) in protocol ?? new Dictionary<string, string>()) values[k] = v;
        return await focalPoint.SubmitAndFollowAsync(page, "#nominate-form", values);
    }

    [GeneratedRegex(@"http://localhost/(Invitations/Accept|Registration/Register)/[^\s""<]+")]
    private static partial Regex Link();
}
