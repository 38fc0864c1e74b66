using Microsoft.Extensions.Localization;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Signing;

/// <summary>The letters about a signing authority (subject: the grant), written from the database as it is when sent,
/// in the person's saved language. To a new signatory: for which organisation, the statements it may endorse now or
/// once their window opens (each window in its summit's zone), a link to that organisation's statements on Statements
/// to sign, and that signing takes two-step verification (with where to turn it on, when it is off); nothing once the
/// grant is revoked. To a former signatory: that the grant is revoked, for which organisation, and why.</summary>
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
            links.Absolute(StatementsToSign(authority.OrganisationId)), words["Statements to sign"], Language: CultureInfo.CurrentUICulture.Name);
    }

    /// <summary>Statements to sign, at the organisation's part of the page (a signatory may sign for several).</summary>
    public static string StatementsToSign(int organisationId) => $"/Signing#organisation-{organisationId}";

    /// <summary>Nothing unless the grant is revoked (a revoked grant stays revoked: a new grant is a new row).</summary>
    public static async Task<Letter?> RevokedAsync(SummitDbContext db, IStringLocalizer words, Data.Notifications.Notification notification, CancellationToken ct)
    {
        var authority = await db.SigningAuthorities.AsNoTracking().Include(a => a.Organisation)
            .FirstOrDefaultAsync(a => a.Id == notification.SubjectId && a.RevokedUtc != null, ct);
        if (authority is null) return null;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == authority.UserId, ct);
        if (user?.Email is null) return null;
        using var speaking = RecipientLanguage.Speak(user.PreferredLanguage);
        var organisation = authority.Organisation.FormalName;
        var body = $"{words["Dear {0},", user.FullName]}\n\n" +
            words["The summit secretariat has revoked your signing authority for {0}: you may no longer endorse statements on its behalf.", organisation] +
            (string.IsNullOrWhiteSpace(authority.RevocationReason) ? "" : "\n\n" + words["Reason: {0}", authority.RevocationReason]) + "\n\n" +
            words["Endorsements already signed for {0} stay in force.", organisation] + " " +
            words["If you think this is a mistake, please contact the summit secretariat."];
        return new Letter(user.Email, user.FullName, words["You may no longer sign for {0}", organisation], body, Language: CultureInfo.CurrentUICulture.Name);
    }
}
