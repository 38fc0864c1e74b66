namespace WeProtect.Summit.Data.Validation;

/// <summary>The one rule for the names of organisations and people (and the short texts printed beside them:
/// positions), however they enter — web form, CSV import, registration, invitation: at most
/// <see cref="MaxLength"/> characters; no control characters (NUL, escape, CR/LF, C1), no bidirectional overrides,
/// embeddings or isolates (U+202A–U+202E, U+2066–U+2069: they make a name read differently from what it is), no
/// unpaired surrogates and no noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF).</summary>
public static class NameRule
{
    public const int MaxLength = 200;

    /// <summary>Trimmed, with every run of white space (spaces, tabs, line breaks) made one space.</summary>
    public static string Tidy(string? value) =>
        string.Join(' ', (value ?? "").Split([' ', '\t', '\r', '\n', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Why <paramref name="value"/> is not acceptable as <paramref name="what"/> ("The formal name"), or
    /// null, in words a page says in the reader's language (the subject too). Emptiness is the caller's rule (some
    /// names are optional).</summary>
    public static DeskText? Problem(string? value, DeskText what, int maxLength = MaxLength)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (value.Length > maxLength) return $"{what} is longer than {maxLength} characters.";
        if (FirstForbidden(value) is { } bad)
            return $"{what} contains a character that is not allowed in a name ({Describe(bad)}). Type the name again without it.";
        // White space alone is an empty name, the caller's rule; invisible characters are not white space to .NET.
        if (!string.IsNullOrWhiteSpace(value) && !value.EnumerateRunes().Any(Shows)) return $"{what} is made only of characters that show nothing. Type it with letters or figures.";
        return null;
    }

    /// <summary>Whether a character leaves a mark on a badge or a page: not white space, not a format character (zero-width
    /// space, joiners), not a lone combining mark, not a blank that only looks like a letter (braille blank, Hangul fillers).
    /// A name of such characters alone is empty however long it is.</summary>
    private static bool Shows(System.Text.Rune rune) =>
        !System.Text.Rune.IsWhiteSpace(rune)
        && System.Text.Rune.GetUnicodeCategory(rune) is not (System.Globalization.UnicodeCategory.Format
            or System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.EnclosingMark
            or System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.SpaceSeparator)
        && rune.Value is not (0x2800 or 0x3164 or 0x115F or 0x1160 or 0xFFA0);

    /// <summary>The first forbidden UTF-16 unit or code point, or null.</summary>
    public static int? FirstForbidden(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    var codePoint = char.ConvertToUtf32(c, value[i + 1]);
                    if ((codePoint & 0xFFFE) == 0xFFFE) return codePoint;
                    i++;
                    continue;
                }
                return c;
            }
            if (char.IsLowSurrogate(c) || IsForbidden(c)) return c;
        }
        return null;
    }

    private static bool IsForbidden(char c) =>
        char.IsControl(c)
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || c is >= '\uFDD0' and <= '\uFDEF'
        || c is '\uFFFE' or '\uFFFF';

    // Returned one by one, not as a switch: a switch of interpolated strings would be a string, in English.
    private static DeskText Describe(int codePoint)
    {
        if (codePoint == 0) return "a NUL character";
        if (codePoint == 0x1B) return "an escape character";
        if (codePoint is '\r' or '\n' or '\t') return "a line break or tab";
        if (codePoint is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069) return $"the invisible direction control U+{codePoint:X4}";
        if (codePoint is >= 0xD800 and <= 0xDFFF) return "a broken character";
        return $"the invisible character U+{codePoint:X4}";
    }
}
