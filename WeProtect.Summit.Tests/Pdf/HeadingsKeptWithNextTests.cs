using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Tests.Communiques;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Pdf;

/// <summary>A heading is never left alone at the foot of a page (PdfFlow): it goes over with the first line of what
/// follows it, even when what follows is another heading ("Agreed by:", then "Governments", then the first name). Each
/// test grows the text above the heading until the heading crosses from the first page to the second, so that every
/// position at the foot of the first page is tried.</summary>
public sealed class HeadingsKeptWithNextTests
{
    private const int MaxSteps = 400;

    /// <summary>The first page (0-based) whose words hold <paramref name="phrase"/> as whole words, or -1.</summary>
    private static int PageOf(IReadOnlyList<string> pages, string phrase)
    {
        for (var i = 0; i < pages.Count; i++)
            if (PdfTools.PositionOf(pages[i], phrase) >= 0) return i;
        return -1;
    }

    /// <summary>Renders with growing <c>n</c> until <paramref name="heading"/> has been on the second page for a few
    /// steps; asserts at each that it is on the page of <paramref name="next"/>.</summary>
    private static void Sweep(Func<int, byte[]> render, int start, int step, string heading, string next)
    {
        var seen = new HashSet<int>();
        var after = 0;
        for (var i = 0; i < MaxSteps && after < 6; i++)
        {
            var n = start + i * step;
            var pages = BadgePdfReader.PageTexts(render(n));
            var (headingPage, nextPage) = (PageOf(pages, heading), PageOf(pages, next));
            Assert.True(headingPage >= 0 && nextPage >= 0, $"n = {n}: \"{heading}\" on page {headingPage + 1}, \"{next}\" on page {nextPage + 1}");
            Assert.True(headingPage == nextPage, $"n = {n}: \"{heading}\" is on page {headingPage + 1} but \"{next}\" on page {nextPage + 1}");
            seen.Add(headingPage);
            if (headingPage > 0) after++;
        }
        // The sweep crossed the foot of the first page: the heading was on the first page, then on the second.
        Assert.Equal([0, 1], seen.Order());
    }

    private static string Statement(int words) =>
        "# Statement of Action\n\n" + string.Join(" ", Enumerable.Range(1, words).Select(i => $"word{i}")) + ".\n\n" +
        "## All members commit to {audience=all}\n\n1. **Put children first**\n   a. Listen to children.\n";

    [Fact]
    public void In_the_communique_agreed_by_and_the_sector_heading_go_over_with_the_first_signatory()
    {
        var signatories = CommuniquePdfTests.Signatories();
        var first = signatories[0];
        Assert.Equal(Sector.Government, first.Sector);
        Sweep(n => CommuniquePdf.Render(CommuniquePdfTests.Content(Statement(n), signatories)), start: 300, step: 6, "Agreed by:", first.Name);
        Sweep(n => CommuniquePdf.Render(CommuniquePdfTests.Content(Statement(n), signatories)), start: 300, step: 6, "Governments", first.Name);
    }

    [Fact]
    public void In_the_signatory_list_a_sector_heading_goes_over_with_its_first_signatory()
    {
        var header = new SignatoryListHeader(1, "Call to Action 2024", "Global Summit", new string('a', 64), new DateTime(2026, 11, 24, 10, 30, 0, DateTimeKind.Utc), 1);
        // More governments push "International organisations" down the first page; INTERPOL is its first name.
        var interpol = CommuniquePdfTests.Signatories().First(s => s.Sector == Sector.InternationalOrganisation);
        Sweep(n => SignatoryLists.Pdf(header, new AgreedByList(AgreedByLayout.BySector, CommuniquePdfTests.Signatories(extra: n))), start: 20, step: 1,
            "International organisations", interpol.Name);
    }

    [Fact]
    public void In_the_participant_list_a_country_and_its_sector_heading_go_over_with_its_first_participant()
    {
        // Austria's delegation grows; Chile, next in the list, has one delegate under its country and sector headings.
        // A line of the list is taller than the foot where the old layout failed: every other step adds Argentina's
        // delegate (a heading and a line, a fraction of a line's height in all) to reach the positions between.
        static byte[] Render(int n) => ParticipantListPdf.Render("Global Summit 2027", "11–12 December 2027 · Abu Dhabi",
        [
            .. n % 2 == 1 ? [new ParticipantListPdf.Participant("Lucía Pérez", "Adviser", "Argentine Republic", Sector.Government, "AR", false)] : Array.Empty<ParticipantListPdf.Participant>(),
            .. Enumerable.Range(1, n / 2).Select(i => new ParticipantListPdf.Participant($"Person{i:D3} Huber", "Adviser", "Republic of Austria", Sector.Government, "AT", false)),
            new("Tomás Vidal", "Adviser", "Government of Chile", Sector.Government, "CL", false),
        ]);
        Sweep(Render, start: 40, step: 1, "Chile (1)", "Tomás");
    }
}
