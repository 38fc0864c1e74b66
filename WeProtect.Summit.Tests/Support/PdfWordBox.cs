namespace WeProtect.Summit.Tests.Support;

/// <summary>One word as <c>pdftotext -bbox</c> finds it: its page (from 1), its text (a right-to-left word in logical
/// order) and its box in points from the page's top left.</summary>
public sealed record PdfWordBox(int Page, string Text, double XMin, double YMin, double XMax, double YMax)
{
    /// <summary>Whether <paramref name="other"/> stands on the same line (its top within a point of this one's).</summary>
    public bool OnLineOf(PdfWordBox other) => other.Page == Page && Math.Abs(other.YMin - YMin) < 1;
}
