using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Communiques;

/// <summary>The running footer carries the statement's title: shortened at a word boundary with an ellipsis when it is
/// too long, never cut inside a word, an all-caps title included (capitals are the widest letters).</summary>
public class CommuniqueFooterTests
{
    private const string Body = "\n\nWe, the members, are united.\n\n## All members commit to {audience=all}\n\n1. **Put children first**\n   a. Listen to children.\n";

    [Theory]
    [InlineData("STATEMENT OF ACTION BY THE GOVERNMENTS AND INTERNATIONAL ORGANISATIONS PARTICIPATING IN THE GLOBAL SUMMIT TO TACKLE ONLINE CHILD SEXUAL EXPLOITATION, ABU DHABI, DECEMBER 2024")]
    [InlineData("Statement of Action by the Governments and International Organisations participating in the Global Summit to Tackle Online Child Sexual Exploitation held in Abu Dhabi in December 2024 under the auspices of the WeProtect Global Alliance")]
    public void A_long_title_is_shortened_at_a_word_boundary(string title)
    {
        var pdf = CommuniquePdf.Render(CommuniquePdfTests.Content("# " + title + Body, CommuniquePdfTests.Signatories()));
        var titleWords = title.Split(' ');
        foreach (var footer in PdfTools.Footers(pdf))
        {
            var words = footer.Split(' ');
            Assert.Matches(@"^Page \d+ of \d+$", string.Join(' ', words[^4..]));
            var label = words[..^4];
            Assert.True(label.Length < titleWords.Length, $"The footer \"{footer}\" should be shortened");
            Assert.EndsWith("…", label[^1]);
            label[^1] = label[^1].TrimEnd('…');
            // Every word of the footer is a whole word of the title, in order (a comma before the cut is dropped).
            for (var i = 0; i < label.Length; i++) Assert.Equal(titleWords[i].TrimEnd(','), label[i].TrimEnd(','));
            Assert.True(label.Length >= 3, $"Too short a label: {footer}");
        }
    }

    [Fact]
    public void A_short_title_is_printed_whole()
    {
        var pdf = CommuniquePdf.Render(CommuniquePdfTests.Content("# CALL TO ACTION" + Body, CommuniquePdfTests.Signatories()));
        Assert.All(PdfTools.Footers(pdf), footer => Assert.Matches(@"^CALL TO ACTION Page \d+ of \d+$", footer));
    }
}
