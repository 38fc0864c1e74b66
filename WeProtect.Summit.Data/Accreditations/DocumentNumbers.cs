using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Geography;

namespace WeProtect.Summit.Data.Accreditations;

/// <summary>The rules of a passport or ID number, written once: how it is typed, masked and checked.</summary>
public static class DocumentNumbers
{
    /// <summary>Upper case, without spaces or dashes: how passports print it in the machine-readable zone.</summary>
    public static string Normalise(string? number) =>
        new((number ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    /// <summary>"••••••1234": the last four characters only (fewer for a short number), never the length.</summary>
    public static string Mask(string number) => "••••••" + (number.Length > 4 ? number[^4..] : "");

    /// <summary>Every problem with the answers, keyed by field; empty when valid. A document must still be valid on
    /// the summit's last day. Each message a <see cref="DeskText"/>, said in the delegate's language.</summary>
    public static IReadOnlyList<(string Field, DeskText Message)> Validate(string? nationalityCode, string? number, DateOnly? expiry, DateOnly summitEnd)
    {
        var errors = new List<(string, DeskText)>();
        if (!Countries.IsKnown(nationalityCode)) errors.Add(("NationalityCode", "Choose your nationality from the list."));
        var normalised = Normalise(number);
        if (normalised.Length == 0) errors.Add(("DocumentNumber", "Give your passport or ID number."));
        else if (normalised.Length < Accreditation.DocumentNumberMinLength || normalised.Length > Accreditation.DocumentNumberMaxLength
                 || !normalised.All(char.IsAsciiLetterOrDigit))
            errors.Add(("DocumentNumber", $"A passport or ID number is {Accreditation.DocumentNumberMinLength} to {Accreditation.DocumentNumberMaxLength} letters and digits."));
        if (expiry is null) errors.Add(("DocumentExpiry", "Give the date your document expires."));
        else if (expiry < summitEnd) errors.Add(("DocumentExpiry", "Your document expires before the summit ends: give a document valid until then."));
        return errors;
    }
}
