namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>The one rule against spreadsheet formula injection (OWASP "CSV injection"), for CSV and .xlsx alike: a
/// text cell that starts with = + - @, a tab or a carriage return is prefixed with a single quote, which the
/// spreadsheet shows as text instead of running. CsvHelper applies it to CSV through <see cref="CsvExport"/>'s
/// configuration (built from these two constants); <see cref="XlsxExport"/> applies <see cref="Escape"/>.</summary>
public static class FormulaCells
{
    public static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];
    public const char EscapeCharacter = '\'';

    public static string Escape(string text) =>
        text.Length > 0 && Array.IndexOf(Triggers, text[0]) >= 0 ? EscapeCharacter + text : text;
}
