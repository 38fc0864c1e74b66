namespace WeProtect.Summit.Data.Invitations;

/// <summary>E-mail addresses as invitations compare and show them.</summary>
public static class EmailAddresses
{
    public const int MaxLength = 254;

    /// <summary>The form compared: trimmed, upper case (as Identity normalises).</summary>
    public static string Normalise(string email) => email.Trim().ToUpperInvariant();

    /// <summary>Why <paramref name="email"/> is not an address, in words a page says in the reader's language; null when
    /// it looks like one.</summary>
    public static Desks.DeskText? Problem(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return "The e-mail address is required.";
        var e = email.Trim();
        if (e.Length > MaxLength) return $"The e-mail address is longer than {MaxLength} characters.";
        var at = e.IndexOf('@');
        if (at < 1 || at != e.LastIndexOf('@') || at == e.Length - 1 || e.Any(char.IsWhiteSpace) || e.Any(char.IsControl))
            return "That is not an e-mail address.";
        return null;
    }

    /// <summary>"a•••@e•••.org": enough to recognise one's own address, not enough to learn someone else's.</summary>
    public static string Mask(string email)
    {
        var at = email.IndexOf('@');
        if (at < 1) return "•••";
        var domain = email[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        var domainName = dot > 0 ? domain[..dot] : domain;
        var tld = dot > 0 ? domain[dot..] : "";
        return $"{email[0]}•••@{(domainName.Length > 0 ? domainName[0] : '•')}•••{tld}";
    }
}
