using Microsoft.Extensions.Localization;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Signing;

/// <summary>The letter to a new signatory (subject: the signing authority), written from the database as it is when
/// sent: for which organisation, the statements it may endorse now or once their window opens (each window in its
/// summit's zone), where to sign, and that signing takes two-step verification (with where to turn it on, when it is
/// off). Nothing once the grant is revoked. In the signatory's saved language.</summary>
public static class SigningGrantLetters
{
    public static async Task<Letter?> GrantedAsync(SummitDbContext db, PublicLinks links, IStringLocalizer words, DateTime nowUtc,
        Data.Notifications.Notification notification, CancellationToken ct)
    {
        var authority = await db.SigningAuthorities.AsNoTracking().Unrevoked().Include(a => a.Organisation)
            .FirstOrDefaultAsync(a => a.Id == notification.SubjectId, ct);
        if (authority is null) return null;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == authority.UserId, ct);
        if (user?.Email is null) return null;
        using var speaking = RecipientLanguage.Speak(user.PreferredLanguage);
        var organisation = authority.Organisation.FormalName;
        var lines = new List<string>();
        foreach (var (s, _, refusal) in await SigningView.OpenStatementsAsync(db, authority.Organisation.Sector, nowUtc, ct))
        {
            string? line = (refusal, s.SigningOpensUtc, s.SigningClosesUtc) switch
            {
                (null, _, _) when s.AcceptsStandingEndorsements => words["{0} ({1}): a standing statement, open for endorsement at any time", s.Title, s.Summit.Name].Value,
                (null, _, _) when s.AcceptsLateEndorsements => words["{0} ({1}): published, open for late endorsements", s.Title, s.Summit.Name].Value,
                (null, _, { } closes) => words["{0} ({1}): signing closes on {2}", s.Title, s.Summit.Name, SigningView.InZone(s.Summit, closes)].Value,
                (not null, { } opens, { } closes) when nowUtc < opens =>
                    words["{0} ({1}): open for signature from {2} to {3}", s.Title, s.Summit.Name, SigningView.InZone(s.Summit, opens), SigningView.InZone(s.Summit, closes)].Value,
                _ => null,   // its window has ended
            };
            if (line is not null) lines.Add("- " + line);
        }
        var statements = lines.Count > 0
            ? words["The statements {0} may endorse, with their signing windows:", organisation] + $"\n\n{string.Join("\n", lines)}"
            : words["No statement is open for signature for {0} yet: you will be told by e-mail when signing opens.", organisation].Value;
        var twoStep = user.TwoFactorEnabled
            ? words["Signing needs two-step verification, which your account has: you confirm each signature with a fresh code from your authenticator app."].Value
            : words["Signing needs two-step verification, which your account does not have yet. Set it up before signing: {0}", links.Absolute("/Profile/EnableAuthenticator")].Value;
        var body = $"{words["Dear {0},", user.FullName]}\n\n" +
            words["The summit secretariat has recorded you as a signatory for {0}: you may endorse statements on its behalf.", organisation] + "\n\n" +
            $"{statements}\n\n{twoStep}\n\n" +
            words["To sign, open Statements to sign, read the final text, and confirm it with a fresh code from your authenticator app."];
        return new Letter(user.Email, user.FullName, words["You may now sign for {0}", organisation], body,
            links.Absolute("/Signing"), words["Statements to sign"], Language: CultureInfo.CurrentUICulture.Name);
    }
}
