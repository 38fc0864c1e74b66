using System.Security.Cryptography;

namespace WeProtect.Summit.Data.Registrations;

/// <summary>Badge codes that a person can read off a badge and type: eleven random characters and a check character
/// from an alphabet of 30 without look-alikes (0, 1, I, L, O and U are left out: each reads as another), shown in
/// groups of four ("K7QD-XM3N-R9TB"). Typing ignores case, spaces and dashes. The check character is Luhn mod 30, which
/// catches every single mistyped character and every swap of two neighbours but one pair ("2Z"/"Z2"), so a slip at the
/// desk is "not a badge code", never another delegate's. Eleven characters are 54 random bits: no one guesses a code.</summary>
public static class BadgeCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int RandomLength = 11;
    public const int Length = RandomLength + 1;

    /// <summary>A fresh code in its stored form (upper case, no dashes).</summary>
    public static string New()
    {
        Span<char> code = stackalloc char[Length];
        for (var i = 0; i < RandomLength; i++) code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        code[RandomLength] = CheckCharacter(code[..RandomLength]);
        return new string(code);
    }

    /// <summary>The stored form of what was typed or scanned, or null when it is not a well-formed badge code
    /// (wrong length, a character outside the alphabet, or a check character that does not match).</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 64) return null;
        var builder = new StringBuilder(Length);
        foreach (var c in typed)
        {
            if (c is ' ' or '-' or '\t' or '\u2010' or '\u2011' or '\u2013') continue;
            var upper = char.ToUpperInvariant(c);
            if (Alphabet.IndexOf(upper) < 0 || builder.Length == Length) return null;
            builder.Append(upper);
        }
        if (builder.Length != Length) return null;
        var code = builder.ToString();
        return CheckCharacter(code.AsSpan(0, RandomLength)) == code[RandomLength] ? code : null;
    }

    /// <summary>The code as printed: "K7QD-XM3N-R9TB". A code of another shape (made before this format) as it is.</summary>
    public static string Display(string code) =>
        code.Length == Length && Normalise(code) == code ? $"{code[..4]}-{code[4..8]}-{code[8..]}" : code;

    /// <summary>Luhn mod N: from the right, every second value doubled and its "digits" in base N summed.</summary>
    private static char CheckCharacter(ReadOnlySpan<char> payload)
    {
        var n = Alphabet.Length;
        var factor = 2;
        var sum = 0;
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var addend = factor * Alphabet.IndexOf(payload[i]);
            factor = factor == 2 ? 1 : 2;
            sum += addend / n + addend % n;
        }
        return Alphabet[(n - sum % n) % n];
    }
}
