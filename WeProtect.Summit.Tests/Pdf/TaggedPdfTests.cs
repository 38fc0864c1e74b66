using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Tests.Communiques;
using WeProtect.Summit.Tests.Statements;
using WeProtect.Summit.Web.Infrastructure;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Pdf;

using WeProtect.Summit.Data.Registrations; // after the namespace line: see DEVELOPERS.md, "namespace-vs-type quirk"

/// <summary>Issue 18, item 6: every PDF kind is a tagged PDF (pdfinfo says "Tagged: yes") with its language, its title
/// shown in the viewer's window, and a structure tree read back from the file: headings, paragraphs, lists with labels
/// and bodies, the QR code a figure with alternative text, in reading order. Signing keeps the tags and the signature
/// valid.</summary>
public sealed class TaggedPdfTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>, IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "weprotect-pdf-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private SigningCertificate Certificate() => new SigningCertificates(
        new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), new DataFolder(folder)).Current();

    /// <summary>What every kind shares: tagged for poppler, English, the title in the window, marked.</summary>
    private static async Task<PdfStructure> AssertTaggedAsync(byte[] pdf, string title)
    {
        var info = await Poppler.PdfinfoAsync(pdf);
        Assert.Matches(@"(?m)^Tagged:\s+yes$", info);
        var structure = PdfStructure.Read(pdf);
        Assert.Equal("en-GB", structure.Language);
        Assert.True(structure.DisplayDocTitle);
        Assert.True(structure.Marked);
        Assert.Equal(title, structure.Title);
        Assert.Equal("Document", Assert.Single(structure.Root.Children).Type);
        return structure;
    }

    /// <summary>Every list item has a body, and every label belongs to an item.</summary>
    private static void AssertListsWellFormed(PdfStructure structure)
    {
        foreach (var list in structure.OfType("L"))
            Assert.All(list.Children, item => Assert.Equal("LI", item.Type));
        foreach (var item in structure.OfType("LI"))
        {
            Assert.Contains(item.Children, c => c.Type == "LBody");
            Assert.All(item.Children, c => Assert.Contains(c.Type, new[] { "Lbl", "LBody" }));
        }
    }

    [Fact]
    public async Task A_signed_communique_is_tagged_with_headings_paragraphs_and_lists_in_reading_order()
    {
        var signatories = CommuniquePdfTests.Signatories();
        var content = CommuniquePdfTests.Content(StatementExample.CallToAction2024, signatories);
        using var certificate = Certificate();
        var pdf = PdfSigner.Sign(CommuniquePdf.Render(content), certificate);

        var structure = await AssertTaggedAsync(pdf, content.Document.Title);
        Assert.Contains("Signature is Valid.", await PdfTools.PdfsigAsync(pdf));

        var types = structure.Types.Where(t => t is not ("StructTreeRoot" or "Document")).ToList();
        Assert.Equal("H1", types[0]); // the statement's title comes first
        Assert.Contains("H2", types);
        Assert.Contains("P", types);
        AssertListsWellFormed(structure);
        // "Agreed by:" is a heading followed by the sector headings, each with its list of signatories (one item each).
        var agreed = structure.Root.Children[0].Children.SkipWhile(e => e.Type != "H2").ToList();
        Assert.True(structure.OfType("L").Count() >= 4);
        var signatoryItems = structure.Root.Children[0].Children.Reverse().TakeWhile(e => e.Type is not "H2")
            .Where(e => e.Type == "L").Sum(l => l.Children.Count);
        Assert.Equal(signatories.Count, signatoryItems);
        // Numbered commitments carry their number as a label, and their lettered items are a nested list.
        Assert.Contains(structure.OfType("LI"), item => item.Children.Any(c => c.Type == "Lbl")
            && item.Children.Single(c => c.Type == "LBody").All().Any(e => e.Type == "L"));
        // Every element with text owns content: nothing is tagged empty.
        Assert.All(structure.OfType("P").Concat(structure.OfType("H1")), e => Assert.True(e.ContentCount > 0));
        Assert.NotEmpty(agreed);
    }

    [Fact]
    public async Task A_long_communique_stays_tagged_over_many_pages()
    {
        var content = CommuniquePdfTests.Content(CommuniquePdfTests.LongText(), CommuniquePdfTests.Signatories(extra: 60));
        var pdf = CommuniquePdf.Render(content);

        Assert.True(PdfTools.PageCount(pdf) > 3);
        var structure = await AssertTaggedAsync(pdf, content.Document.Title);
        AssertListsWellFormed(structure);
        Assert.Equal(4 * 8, structure.OfType("LI").Count(li => li.Children.Any(c => c.Type == "LBody" && c.Children.Any(b => b.Type == "L"))));
    }

    [Fact]
    public async Task A_signed_signatory_list_is_a_tagged_numbered_list()
    {
        var signatories = CommuniquePdfTests.Signatories();
        var header = new SignatoryListHeader(1, "Call to Action 2024", "Global Summit", new string('a', 64), new DateTime(2026, 11, 24, 10, 30, 0, DateTimeKind.Utc), 1);
        using var certificate = Certificate();
        var pdf = PdfSigner.Sign(SignatoryLists.Pdf(header, new AgreedByList(AgreedByLayout.BySector, signatories)), certificate);

        var structure = await AssertTaggedAsync(pdf, "Signatories – Call to Action 2024");
        Assert.Contains("Signature is Valid.", await PdfTools.PdfsigAsync(pdf));
        Assert.Equal("H1", structure.Types.First(t => t is not ("StructTreeRoot" or "Document")));
        AssertListsWellFormed(structure);
        var items = structure.OfType("LI").ToList();
        Assert.Equal(signatories.Count, items.Count);
        Assert.All(items, item => Assert.Equal(new[] { "Lbl", "LBody" }, item.Children.Select(c => c.Type)));
        Assert.Equal(4, structure.OfType("H2").Count()); // one heading per sector
    }

    [Fact]
    public async Task Badges_are_tagged_one_section_each_with_the_name_as_heading_and_the_QR_code_described()
    {
        BadgeContent Badge(string name, bool minister) => new("WePROTECT Global Alliance Summit 2027", "11–12 December 2027 · Abu Dhabi, United Arab Emirates",
            name, "Minister of Solidarity", "Côte d'Ivoire", "Côte d'Ivoire", DelegateCategory.HeadOfDelegation, minister, BadgeCodes.New());
        var badges = new[] { Badge("Aïssata Koné", true), Badge("Ada Lovelace", false), Badge("Grace Hopper", false) };
        var pdf = BadgePdf.Render(badges, "Badges – test", BadgeLayout.A4Four);

        var structure = await AssertTaggedAsync(pdf, "Badges – test");
        var sections = structure.OfType("Sect").ToList();
        Assert.Equal(3, sections.Count);
        for (var i = 0; i < badges.Length; i++)
        {
            var types = sections[i].Children.Select(c => c.Type).ToList();
            Assert.Equal(1, types.Count(t => t == "H1"));
            var figure = Assert.Single(sections[i].Children, c => c.Type == "Figure");
            Assert.Equal(BadgePdf.QrAltText(badges[i].Code), figure.Alt);
            Assert.Contains(BadgeCodes.Display(badges[i].Code), figure.Alt);
            // Reading order: summit, dates, then the name, and the code after its QR code.
            Assert.Equal(new[] { "P", "P", "H1" }, types.Take(3));
            Assert.Equal("P", types[^1]);
            Assert.Equal("Figure", types[^2]);
        }
        // Only the minister's badge has the extra "MINISTER" paragraph.
        Assert.Equal(sections[1].Children.Count + 1, sections[0].Children.Count);
    }

    [Fact]
    public async Task A_signed_visa_letter_is_tagged_with_its_title_as_heading_and_the_delegates_details_as_a_labelled_list()
    {
        var content = new VisaLetterContent(42, "WePROTECT Global Alliance Summit 2027", "11–12 December 2027 · Abu Dhabi, United Arab Emirates",
            "Emirates Palace", "The Government of the United Arab Emirates is pleased to invite the delegate named below.\n\nWe ask the authorities to grant a visa.",
            "Wanjiru Kamau", "Director of Child Protection", "Government of Kenya", "Kenya", "AK1234567", new DateOnly(2031, 5, 1),
            new DateTime(2027, 9, 1, 9, 0, 0, DateTimeKind.Utc));
        using var certificate = Certificate();
        var pdf = PdfSigner.Sign(VisaLetterPdf.Render(content), certificate);

        var structure = await AssertTaggedAsync(pdf, $"{VisaLetterPdf.Title} – {content.SummitName}");
        Assert.Contains("Signature is Valid.", await PdfTools.PdfsigAsync(pdf));
        Assert.Single(structure.OfType("H1")); // "Letter of invitation"
        var types = structure.Types.Where(t => t is not ("StructTreeRoot" or "Document")).ToList();
        Assert.True(types.IndexOf("H1") < types.IndexOf("L"), "the heading comes before the delegate's details");
        // Name, position, organisation, nationality, document number, expiry: one item each, its label a Lbl.
        AssertListsWellFormed(structure);
        var list = Assert.Single(structure.OfType("L"));
        Assert.Equal(6, list.Children.Count);
        Assert.All(list.Children, item => Assert.Equal(new[] { "Lbl", "LBody" }, item.Children.Select(c => c.Type)));
        Assert.All(list.Children, item => Assert.True(item.Children[0].ContentCount > 0, "every label owns its text"));
        // The wording, the greeting and the closing notes are paragraphs with content.
        Assert.True(structure.OfType("P").Count() >= 5);
        Assert.All(structure.OfType("P").Concat(structure.OfType("H1")), e => Assert.True(e.ContentCount > 0));
    }

    [Fact]
    public async Task The_participant_list_is_tagged_with_a_heading_per_country_and_sector_and_a_numbered_list_of_participants()
    {
        var participants = new List<ParticipantListPdf.Participant>
        {
            new("Karl Huber", "Federal Minister", "Republic of Austria", Sector.Government, "AT", true),
            new("Paula Rojas", "Director", "Fundación Niñez", Sector.CivilSociety, "CL", false),
            new("Ministra Orrego", "Minister of Justice", "Government of Chile", Sector.Government, "CL", true),
            new("Tomás Vidal", "Adviser", "Government of Chile", Sector.Government, "CL", false),
            new("Ines Weber", "Child Protection Specialist", "UNICEF", Sector.InternationalOrganisation, null, false),
        };
        var pdf = ParticipantListPdf.Render("Global Summit 2027", "11–12 December 2027 · Abu Dhabi", participants);

        var structure = await AssertTaggedAsync(pdf, "Participants – Global Summit 2027");
        var types = structure.Types.Where(t => t is not ("StructTreeRoot" or "Document")).ToList();
        Assert.Equal("H1", types[0]);
        Assert.Equal(3, structure.OfType("H2").Count()); // Austria, Chile, no country (international)
        Assert.Equal(4, structure.OfType("H3").Count()); // a sector heading under each: Austria 1, Chile 2, no country 1
        Assert.True(types.IndexOf("H2") < types.IndexOf("H3") && types.IndexOf("H3") < types.IndexOf("L"));
        AssertListsWellFormed(structure);
        Assert.Equal(4, structure.OfType("L").Count()); // one list per sector (the international one under its country heading)
        var items = structure.OfType("LI").ToList();
        Assert.Equal(participants.Count, items.Count);
        // Every participant is a labelled item (their number), not a bare body.
        Assert.All(items, item => Assert.Equal(new[] { "Lbl", "LBody" }, item.Children.Select(c => c.Type)));
        Assert.All(items, item => Assert.True(item.Children[0].ContentCount > 0 && item.Children[1].All().Sum(e => e.ContentCount) > 0));
        // The numbers run through the whole list, in the printed order.
        var text = await Poppler.PdftotextAsync(pdf);
        Assert.Matches(@"1\.\s+Karl Huber[\s\S]*2\.\s+Ministra Orrego[\s\S]*3\.\s+Tomás Vidal[\s\S]*4\.\s+Paula Rojas[\s\S]*5\.\s+Ines Weber", text);
    }

    [Fact]
    public async Task The_evidence_report_downloaded_by_an_organiser_is_tagged_and_signed()
    {
        var closed = await app.ClosedStatementAsync();
        await app.PublishedAsync(closed.StatementId);
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);
        var page = await organiser.GetPageAsync($"/Communiques/Manage/{closed.StatementId}");
        var pdf = await organiser.Http.GetByteArrayAsync(page.QuerySelector("a#evidence-report")!.GetAttribute("href")!);

        var structure = await AssertTaggedAsync(pdf, $"Evidence report – {closed.Title}");
        Assert.Contains("Signature is Valid.", await PdfTools.PdfsigAsync(pdf));
        var types = structure.Types.Where(t => t is not ("StructTreeRoot" or "Document")).ToList();
        Assert.Equal("H1", types[0]);
        Assert.Contains("H2", types);
        // One H3 per endorsement (the organisation), withdrawn one included.
        Assert.Equal(closed.Organisations.Count + 1, structure.OfType("H3").Count());
        Assert.True(types.IndexOf("H2") < types.IndexOf("H3"));
    }
}
