using System.Text;

namespace WeProtect.Summit.Data.Validation;

/// <summary>A value from a request (or anything a visitor could have typed), made safe to put in a log line: control
/// characters — CR/LF that would forge a line, ESC that starts a terminal escape sequence — and direction controls
/// become \uXXXX, and the value is cut to <see cref="MaxLength"/>. (Personal data stays out of logs altogether: log
/// ids, not names or addresses.)</summary>
public static class LogText
{
    public const int MaxLength = 200;

    public static string Safe(string? value)
    {
        if (value is null) return "(null)";
        var cut = value.Length > MaxLength ? value[..MaxLength] : value;
        var builder = new StringBuilder(cut.Length);
        foreach (var c in cut)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\uFFFE' or '\uFFFF')
                builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            else builder.Append(c);
        }
        if (value.Length > MaxLength) builder.Append('…');
        return builder.ToString();
    }
}
