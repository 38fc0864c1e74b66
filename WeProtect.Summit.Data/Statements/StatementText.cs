using System.Security.Cryptography;

namespace WeProtect.Summit.Data.Statements;

/// <summary>The one canonical form of a statement's text, and its hash. See docs/statement-format.md.</summary>
/// <remarks>
/// Rules, in order: byte order marks (U+FEFF) at the very start are dropped; CRLF and lone CR become LF; every line loses
/// its trailing spaces and tabs (only U+0020 and U+0009: other white space is text); blank lines at the end are
/// dropped and the text ends with exactly one LF; the whole is Unicode NFC. A text with no visible line at all
/// canonicalises to the empty string. A lone UTF-16 surrogate (not
/// representable in UTF-8) and a Unicode noncharacter (U+FFFE, U+FFFF, U+FDD0–U+FDEF, …) become U+FFFD. Canonicalise is idempotent.
/// </remarks>
public static class StatementText
{
    /// <summary>The largest canonical text accepted, in bytes of UTF-8 (1 MiB).</summary>
    public const int MaxBytes = 1_048_576;

    public static string Canonicalise(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return "";
        var text = raw.TrimStart('\uFEFF');
        text = ReplaceLoneSurrogates(text).Normalize(NormalizationForm.FormC);

        var sb = new StringBuilder(text.Length + 1);
        var start = 0;
        var lastNonBlankEnd = 0; // length of sb after the last line that has text
        while (start <= text.Length)
        {
            var end = text.IndexOfAny(LineBreaks, start);
            var lineEnd = end < 0 ? text.Length : end;
            var trimmedEnd = lineEnd;
            while (trimmedEnd > start && (text[trimmedEnd - 1] == ' ' || text[trimmedEnd - 1] == '\t')) trimmedEnd--;
            sb.Append(text, start, trimmedEnd - start).Append('\n');
            if (trimmedEnd > start) lastNonBlankEnd = sb.Length;
            if (end < 0) break;
            start = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
            if (start == text.Length) break;
        }
        sb.Length = lastNonBlankEnd;
        return sb.ToString();
    }

    /// <summary>SHA-256 of the UTF-8 bytes of <paramref name="canonical"/>, lowercase hex. Pass canonical text:
    /// the hash then equals <c>sha256sum</c> of the exported file.</summary>
    public static string Hash(string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    /// <summary>True when <paramref name="text"/> is already in canonical form.</summary>
    public static bool IsCanonical(string text) => Canonicalise(text) == text;

    /// <summary>A lone UTF-16 surrogate cannot be normalised (string.Normalize throws) nor written as UTF-8:
    /// it becomes U+FFFD, as the UTF-8 encoder would write it. Noncharacters (U+FDD0–U+FDEF and the last two code points
    /// of every plane, U+FFFE, U+FFFF, U+1FFFE, …) also make string.Normalize throw: they become U+FFFD too. A text
    /// holding either could never be hashed before, so no existing hash changes.</summary>
    private static string ReplaceLoneSurrogates(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsNoncharacter(char.ConvertToUtf32(c, text[i + 1])))
                {
                    sb ??= new StringBuilder(text, 0, i, text.Length);
                    sb.Append('\uFFFD');
                }
                else sb?.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c) || IsNoncharacter(c))
            {
                sb ??= new StringBuilder(text, 0, i, text.Length);
                sb.Append('\uFFFD');
            }
            else
            {
                sb?.Append(c);
            }
        }
        return sb?.ToString() ?? text;
    }

    private static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    private static readonly char[] LineBreaks = ['\r', '\n'];
}
