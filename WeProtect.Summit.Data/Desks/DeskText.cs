using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace WeProtect.Summit.Data.Desks;

/// <summary>A desk's message that can be said in any language: the English composite format (<see cref="Template"/>,
/// "{0}'s registration has no proposed organisation to confirm.") and its values. A desk writes a plain string or an
/// interpolated one (<c>$"{name}'s registration…"</c>, which the compiler hands to this builder instead of formatting
/// it); the web project looks the template up as the key and fills in the values in the reader's culture, a value that
/// is itself a <see cref="DeskText"/> translated too. <see cref="ToString"/> is the English, as desks said it before.</summary>
[InterpolatedStringHandler]
public sealed class DeskText
{
    private readonly StringBuilder template;
    private readonly List<object?> arguments;
    private bool lowerFirst;

    /// <summary>Called by the compiler for an interpolated string.</summary>
    public DeskText(int literalLength, int formattedCount)
    {
        template = new StringBuilder(literalLength + formattedCount * 4);
        arguments = new List<object?>(formattedCount);
    }

    private DeskText(string text)
    {
        template = new StringBuilder(text);
        arguments = [];
    }

    /// <summary>The key: the English text, with {0}, {1}… where the values go when there are any.</summary>
    public string Template => template.ToString();

    public IReadOnlyList<object?> Arguments => arguments;

    public static implicit operator DeskText(string text) => new(text ?? "");

    public void AppendLiteral(string literal) => template.Append(literal.Replace("{", "{{").Replace("}", "}}"));

    public void AppendFormatted<T>(T value) => AppendFormatted(value, 0, null);

    public void AppendFormatted<T>(T value, string? format) => AppendFormatted(value, 0, format);

    public void AppendFormatted<T>(T value, int alignment, string? format = null)
    {
        template.Append('{').Append(arguments.Count.ToString(CultureInfo.InvariantCulture));
        if (alignment != 0) template.Append(',').Append(alignment.ToString(CultureInfo.InvariantCulture));
        if (format is not null) template.Append(':').Append(format);
        template.Append('}');
        arguments.Add(value);
    }

    /// <summary>A label said inside a sentence ("Head of delegation" → "head of delegation"): the label is the key,
    /// and its translation begins in lower case too. A word a sentence holds is the label's key, never a key of its own
    /// that differs from the label only by case (resource names must differ in more than case).</summary>
    public static DeskText LowerFirst(DeskText label)
    {
        label.lowerFirst = true;
        return label;
    }

    /// <summary>A message about a count, in its English singular and plural (the same values in both: write each
    /// with the count in it, <c>$"{n:N0} organisation was imported."</c>); the page picks the key the reader's language
    /// takes for the count (French says 0 in the singular, Arabic has forms of its own).</summary>
    public static DeskText Counted(long count, DeskText one, DeskText other)
    {
        if (one.arguments.Count != other.arguments.Count) throw new ArgumentException("The singular and the plural must hold the same values.", nameof(one));
        other.counted = (count, one.Template);
        return other;
    }

    private (long Count, string One)? counted;

    /// <summary>The text with <paramref name="translate"/> applied to the template and to every value that is a
    /// <see cref="DeskText"/>: given the template and the values, it answers the text in the reader's language. For a
    /// <see cref="Counted"/> text, <paramref name="pluralKey"/> (count, singular, plural) chooses the template (by
    /// default the singular for 1 only, as English has it).</summary>
    public string Render(Func<string, object?[], string> translate, Func<long, string, string, string>? pluralKey = null)
    {
        var key = counted is { } c ? (pluralKey ?? EnglishPlural)(c.Count, c.One, Template) : Template;
        var text = translate(key, [.. arguments.Select(a => a is DeskText inner ? inner.Render(translate, pluralKey) : a)]);
        return lowerFirst && text.Length > 0 ? char.ToLower(text[0], CultureInfo.CurrentCulture) + text[1..] : text;
    }

    private static string EnglishPlural(long count, string one, string other) => count == 1 ? one : other;

    /// <summary>The English text, formatted in the current culture as an interpolated string would be.</summary>
    public override string ToString() => Render(static (format, values) =>
        values.Length == 0 ? format : string.Format(CultureInfo.CurrentCulture, format, values));
}
