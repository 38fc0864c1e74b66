using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Pdf;

/// <summary>Chinese, Japanese and Korean names in the participant list: drawn in the fallback face beside Latin text
/// on the same line, and read back as written (badges: BadgePdfTests).</summary>
public class EastAsianNamesPdfTests
{
    [Fact]
    public async Task The_participant_list_prints_Chinese_Japanese_and_Korean_names_beside_Latin_ones()
    {
        var pdf = ParticipantListPdf.Render("Global Summit 2027", "11–12 December 2027 · Abu Dhabi",
        [
            new("李华 (Li Hua)", "Director-General", "Cyberspace Administration of China", Sector.Government, "CN", false),
            new("山田 太郎", "Adviser", "Digital Agency of Japan", Sector.Government, "JP", false),
            new("김민준", "Director", "Korea Communications Commission", Sector.Government, "KR", false),
            new("Ada Lovelace", "Adviser", "Government of the United Kingdom", Sector.Government, "GB", false),
        ]);
        var text = await Poppler.PdftotextAsync(pdf);
        foreach (var name in new[] { "李华 (Li Hua)", "山田 太郎", "김민준", "Ada Lovelace" }) Assert.Contains(name, text);
        var fonts = await Poppler.RunAsync("pdffonts", pdf, mustSucceed: true);
        Assert.Contains(SummitFonts.FallbackFamily, fonts);
    }
}
