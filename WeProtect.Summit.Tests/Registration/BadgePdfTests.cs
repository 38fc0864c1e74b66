using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>The badge PDF itself, rendered directly: what it says, its fonts and its QR code.</summary>
public class BadgePdfTests
{
    private static BadgeContent Sample(string fullName = "Aïssata Koné", string organisation = "Côte d'Ivoire",
        string? country = "Côte d'Ivoire", DelegateCategory category = DelegateCategory.HeadOfDelegation, bool minister = true,
        string? code = null) =>
        new("WePROTECT Global Alliance Summit 2027", "11–12 December 2027 · Abu Dhabi, United Arab Emirates",
            fullName, "Minister of Solidarity", organisation, country, category, minister, code ?? BadgeCodes.New());

    [Fact]
    public void A_badge_shows_name_position_organisation_category_summit_and_code()
    {
        var badge = Sample(fullName: "Ada Lovelace", organisation: "Government of the United Kingdom", country: "United Kingdom",
            category: DelegateCategory.Observer, minister: false);
        var pdf = BadgePdf.Render(badge);

        Assert.True(BadgePdfReader.IsPdf(pdf));
        var page = Assert.Single(BadgePdfReader.PageTexts(pdf));
        Assert.Contains("Ada Lovelace", page);
        Assert.Contains("Minister of Solidarity", page);
        Assert.Contains("Government of the United Kingdom", page);
        Assert.Contains("United Kingdom", page);
        Assert.Contains("OBSERVER", page);
        Assert.Contains("WePROTECT Global Alliance Summit 2027", page);
        Assert.Contains("11–12 December 2027", page);
        Assert.Contains(BadgeCodes.Display(badge.Code), page);
        Assert.DoesNotContain("MINISTER", page);

        // A6 portrait: 105 × 148 mm.
        var (width, height) = Assert.Single(BadgePdfReader.PageSizes(pdf));
        Assert.Equal(105 / 25.4 * 72, width, 0.5);
        Assert.Equal(148 / 25.4 * 72, height, 0.5);
    }

    [Fact]
    public void A_minister_is_marked()
    {
        var text = Assert.Single(BadgePdfReader.PageTexts(BadgePdf.Render(Sample(minister: true))));
        Assert.Contains("MINISTER", text);
        Assert.Contains("HEAD OF DELEGATION", text);
    }

    [Theory]
    [InlineData("Côte d'Ivoire")]
    [InlineData("Türkiye")]
    [InlineData("São Tomé and Príncipe")]
    [InlineData("Ελλάδα")]
    [InlineData("Łódź Żółć Đorđe Ñúñez")]
    public void Names_outside_ASCII_render_and_read_back(string name)
    {
        var pdf = BadgePdf.Render(Sample(fullName: $"Delegate of {name}", organisation: $"Government of {name}", country: name));
        var text = Assert.Single(BadgePdfReader.PageTexts(pdf));
        Assert.Contains($"Delegate of {name}", text);
        Assert.Contains($"Government of {name}", text);
    }

    /// <summary>Chinese, Japanese and Korean names are drawn in the fallback face (embedded, with its /ToUnicode map),
    /// not as the missing-glyph boxes of Noto Sans, and read back as written, by PdfPig and by poppler.</summary>
    [Theory]
    [InlineData("王小明")]
    [InlineData("山田 太郎")]
    [InlineData("김민준")]
    public async Task Chinese_Japanese_and_Korean_names_are_drawn_in_the_fallback_face_and_read_back(string name)
    {
        var pdf = BadgePdf.Render(Sample(fullName: name, organisation: $"Ministry {name}"));
        Assert.Contains(name, Assert.Single(BadgePdfReader.PageTexts(pdf)));
        Assert.Contains(name, await Poppler.PdftotextAsync(pdf));
        var fallback = Assert.Single(BadgePdfReader.Fonts(pdf), f => f.Name.Contains(SummitFonts.FallbackFamily, StringComparison.Ordinal));
        Assert.True(fallback.Embedded && fallback.Unicode, $"{fallback.Name}: embedded {fallback.Embedded}, ToUnicode {fallback.Unicode}");
        // A Latin name keeps to Noto Sans alone.
        Assert.DoesNotContain(BadgePdfReader.Fonts(BadgePdf.Render(Sample())), f => f.Name.Contains(SummitFonts.FallbackFamily, StringComparison.Ordinal));
    }

    /// <summary>Hebrew, Devanagari, Thai, Ethiopic (Amharic), Armenian and Georgian names are drawn in their script's Noto
    /// face (embedded, bold as the badge's name, with its /ToUnicode map), not blank in Noto Sans, which lacks their
    /// letters, and read back as written: by poppler, and by PdfPig taking the lines' /ActualText (the Hebrew is stored in
    /// visual order, the Devanagari vowel sign of "अमित" before its consonant and the reph of "शर्मा" after its syllable).</summary>
    [Theory]
    [InlineData("דוד כהן", "Noto Sans Hebrew")]
    [InlineData("अमित शर्मा", "Noto Sans Devanagari")]
    [InlineData("สมชาย ใจดี", "Noto Sans Thai")]
    [InlineData("አበበ ቢቂላ", "Noto Sans Ethiopic")]
    [InlineData("Արամ Խաչատրյան", "Noto Sans Armenian")]
    [InlineData("ნინო ბერიძე", "Noto Sans Georgian")]
    public async Task Names_in_Hebrew_Devanagari_Thai_Ethiopic_Armenian_and_Georgian_are_drawn_in_their_script_face_and_read_back(string name, string family)
    {
        var pdf = BadgePdf.Render(Sample(fullName: name, organisation: $"Ministry {name}"));
        // pdftotext wraps a right-to-left line in embedding marks.
        var poppler = new string((await Poppler.PdftotextAsync(pdf)).Where(c => c is < '\u202A' or > '\u202E').ToArray());
        Assert.Contains(name, poppler);
        Assert.Contains($"Ministry {name}", poppler);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf, new UglyToad.PdfPig.ParsingOptions { UseActualText = true }))
            Assert.Contains(name, string.Join(' ', document.GetPage(1).GetWords().Select(w => w.Text)));
        var face = Assert.Single(BadgePdfReader.Fonts(pdf), f => f.Name.Contains(family, StringComparison.Ordinal));
        Assert.Contains("Bold", face.Name, StringComparison.Ordinal);
        Assert.True(face.Embedded && face.Unicode, $"{face.Name}: embedded {face.Embedded}, ToUnicode {face.Unicode}");
        // A Latin name keeps to Noto Sans alone.
        Assert.DoesNotContain(BadgePdfReader.Fonts(BadgePdf.Render(Sample())), f => f.Name.Contains(family, StringComparison.Ordinal));
    }

    [Fact]
    public void Fonts_are_embedded_Noto_Sans_with_unicode_maps()
    {
        var fonts = BadgePdfReader.Fonts(BadgePdf.Render(Sample()));
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f =>
        {
            Assert.True(f.Embedded, $"{f.Name} is not embedded");
            Assert.True(f.Unicode, $"{f.Name} has no ToUnicode map");
            Assert.Contains("Noto Sans", f.Name);
        });
        Assert.Contains(fonts, f => f.Name.Contains("Bold"));
    }

    [Fact]
    public void A_long_name_shrinks_or_wraps_to_stay_on_the_badge()
    {
        const string name = "Sheikha Maryam bint Mohammed bin Rashid Al Maktoum Al Nahyan-Fernández de Córdoba";
        var pdf = BadgePdf.Render(Sample(fullName: name));
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var words = page.GetWords().ToList();
        foreach (var part in name.Split(' '))
        {
            var word = words.FirstOrDefault(w => w.Text == part) ?? throw new Xunit.Sdk.XunitException($"\"{part}\" is missing: {string.Join(' ', words.Select(w => w.Text))}");
            Assert.InRange(word.BoundingBox.Left, 0, page.Width);
            Assert.InRange(word.BoundingBox.Right, 0, page.Width);
        }
    }

    [Fact]
    public void The_QR_image_holds_exactly_the_badge_code()
    {
        var code = BadgeCodes.New();
        var pdf = BadgePdf.Render(Sample(code: code));

        var inPdf = BadgePdfReader.QrModules(pdf, 1, BadgePdf.QrPixelsPerModule);
        var expected = BadgePdf.QrModules(code);
        Assert.True(Same(expected, inPdf), $"The PDF's QR code is not that of {code}:\n{BadgePdfReader.Draw(inPdf)}\nexpected\n{BadgePdfReader.Draw(expected)}");
        // …and not merely some QR code: another code's matrix differs.
        Assert.False(Same(BadgePdf.QrModules(BadgeCodes.New()), inPdf));
    }

    [Fact]
    public void Several_badges_make_one_page_each_in_order()
    {
        var badges = Enumerable.Range(1, 5).Select(i => Sample(fullName: $"Delegate Number{i}", category: (DelegateCategory)(i % 6))).ToList();
        var pdf = BadgePdf.Render(badges);
        var pages = BadgePdfReader.PageTexts(pdf);
        Assert.Equal(5, pages.Count);
        for (var i = 0; i < 5; i++)
        {
            Assert.Contains($"Number{i + 1}", pages[i]);
            Assert.True(Same(BadgePdf.QrModules(badges[i].Code), BadgePdfReader.QrModules(pdf, i + 1, BadgePdf.QrPixelsPerModule)));
        }
    }

    [Fact]
    public void Every_category_has_its_own_colour()
    {
        var colours = Enum.GetValues<DelegateCategory>().Select(c => BadgePdf.ColourOf(c)).Select(c => (c.R, c.G, c.B)).ToList();
        Assert.Equal(colours.Count, colours.Distinct().Count());
    }

    private static bool Same(bool[,] a, bool[,] b)
    {
        if (a.GetLength(0) != b.GetLength(0) || a.GetLength(1) != b.GetLength(1)) return false;
        for (var y = 0; y < a.GetLength(0); y++)
            for (var x = 0; x < a.GetLength(1); x++)
                if (a[y, x] != b[y, x]) return false;
        return true;
    }
}
