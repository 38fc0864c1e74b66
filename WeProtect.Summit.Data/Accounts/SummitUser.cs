using Microsoft.AspNetCore.Identity;

namespace WeProtect.Summit.Data.Accounts;

/// <summary>A person with an account: delegate, signatory, organiser or administrator.</summary>
public class SummitUser : IdentityUser
{
    public const int FullNameMaxLength = 200;
    public const int PositionMaxLength = 200;

    public string FullName { get; set; } = "";
    /// <summary>Whether the account was erased at its holder's request (pseudonymised and locked for good).</summary>
    public bool IsErased => Retention.PersonalDataCatalogue.IsErasedAddress(Email);
    public string? Position { get; set; }
    public int? OrganisationId { get; set; }
    public DateTime CreatedUtc { get; set; }
    /// <summary>The last authenticator time step (Unix seconds / 30) accepted from this user, for anything (log-in,
    /// signing, withdrawal): a code is good once, and never one older than the last used (RFC 6238, section 5.2).
    /// Claimed by a conditional update (AuthenticatorCodes in the web project).</summary>
    public long? LastTotpStep { get; set; }
    /// <summary>The language the user chose for pages and e-mails (an <see cref="Languages.InterfaceLanguages"/> code);
    /// null: none chosen, the browser's and then the summit's language apply.</summary>
    public string? PreferredLanguage { get; private set; }

    /// <summary>Saves the choice; returns why not for a language the app does not speak.</summary>
    public string? PreferLanguage(string code)
    {
        if (!Languages.InterfaceLanguages.IsSupported(code)) return $"\"{code}\" is not a language of this app.";
        PreferredLanguage = code;
        return null;
    }
}
