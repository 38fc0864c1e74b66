using System.Globalization;
using WeProtect.Summit.Data.Breakouts;

namespace WeProtect.Summit.Tests.Breakouts;

/// <summary>The palette new themes take their colours from: distinct, and readable on the agenda.</summary>
public class ThemePaletteTests
{
    // The agenda's cell backgrounds (site.css: white, .agenda-mine, .agenda-mine-waiting, .agenda-plenary).
    private static readonly string[] AgendaBackgrounds = ["#ffffff", "#e6f4ea", "#fff8e1", "#eef2f7"];

    private static double Luminance(string hex)
    {
        double Channel(int i)
        {
            var c = int.Parse(hex.AsSpan(1 + 2 * i, 2), NumberStyles.HexNumber) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(0) + 0.7152 * Channel(1) + 0.0722 * Channel(2);
    }

    private static double Contrast(string a, string b)
    {
        var (x, y) = (Luminance(a), Luminance(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    [Fact]
    public void Every_colour_is_distinct_and_at_least_4_5_to_1_on_every_agenda_background()
    {
        Assert.True(ThemePalette.Colours.Count >= 8);
        Assert.Equal(ThemePalette.Colours.Count, ThemePalette.Colours.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var colour in ThemePalette.Colours)
        {
            Assert.Matches("^#[0-9a-f]{6}$", colour);
            foreach (var background in AgendaBackgrounds)
                Assert.True(Contrast(colour, background) >= 4.5, $"{colour} on {background}: {Contrast(colour, background):0.00}:1");
        }
    }

    [Fact]
    public void Next_is_the_first_unused_colour_then_the_least_used()
    {
        Assert.Equal(ThemePalette.Colours[0], ThemePalette.Next([]));
        Assert.Equal(ThemePalette.Colours[2], ThemePalette.Next([ThemePalette.Colours[0].ToUpperInvariant(), ThemePalette.Colours[1], "#ff0000", null]));
        Assert.Equal(ThemePalette.Colours[1], ThemePalette.Next([.. ThemePalette.Colours, ThemePalette.Colours[0]]));
    }
}
