namespace WeProtect.Summit.Data.Breakouts;

/// <summary>The colours a new theme starts with, so that the agenda's theme markers can be told apart: eight hues,
/// each dark enough for white text and at least 4.5:1 against the agenda's white and tinted cells (more than the
/// 3:1 a marker needs).</summary>
public static class ThemePalette
{
    public static IReadOnlyList<string> Colours { get; } =
    [
        "#1b3a5c", // navy
        "#a33b00", // burnt orange
        "#0b5e43", // green
        "#5b2a86", // purple
        "#9b1c4a", // crimson
        "#00617a", // teal
        "#6b5300", // olive brown
        "#4a4a4a", // grey
    ];

    /// <summary>The first colour of the palette that no theme uses; when all are used, the least used one.</summary>
    public static string Next(IEnumerable<string?> used)
    {
        var counts = used.Where(c => c is not null).GroupBy(c => c!.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count());
        return Colours.MinBy(c => counts.GetValueOrDefault(c))!;
    }
}
