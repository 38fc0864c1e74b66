using System.Text.RegularExpressions;

namespace WeProtect.Summit.Tests.Invitations;

/// <summary>Counting and reading the letters of one address, for tests where the same letter goes more than once.</summary>
internal static partial class InvitationMail
{
    /// <summary>The letters to <paramref name="email"/> whose subject contains <paramref name="subject"/>, oldest first.</summary>
    public static IReadOnlyList<MimeKit.MimeMessage> Letters(this SummitAppFactory app, string email, string subject) =>
        app.MailTo(email).Where(m => (m.Subject ?? "").Contains(subject, StringComparison.Ordinal)).ToList();

    /// <summary>Waits (up to 60 s) until <paramref name="count"/> such letters are written; answers them.</summary>
    public static async Task<IReadOnlyList<MimeKit.MimeMessage>> WaitForLettersAsync(this SummitAppFactory app, string email, string subject, int count)
    {
        for (var waited = 0; waited < 60_000; waited += 100)
        {
            if (app.Letters(email, subject) is { } found && found.Count >= count) return found;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"Expected {count} letter(s) \"{subject}\" within 60 s, found {app.Letters(email, subject).Count}");
    }

    /// <summary>The path of the link in a letter.</summary>
    public static string LinkIn(MimeKit.MimeMessage letter)
    {
        var match = Link().Match(letter.TextBody ?? "");
        Assert.True(match.Success, letter.TextBody);
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"http://localhost/(Invitations/Accept|Registration/Register)/[^\s""<]+")]
    private static partial Regex Link();
}
