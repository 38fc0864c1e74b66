using PdfSharp.Pdf;
using WeProtect.Summit.Data.Geography;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Web.Localization;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>The printable participant list of a summit for the secretariat (A4, paginated through <see cref="PdfFlow"/>):
/// one heading per country in alphabetical order (organisations without a country last, under "No country (international)"), under it
/// one sub-heading per sector in the order of <see cref="Sector"/> ("Governments" first), and the delegates by
/// organisation, then in protocol order (<see cref="ProtocolPrecedence"/>: head of delegation, rank, order, name), each as protocol offices write them (<see cref="ProtocolLine.ListEntry"/>: honorific and name,
/// rank, title or position and organisation). Only what the organisers already see
/// on the dashboard; the header says it is not for publication. Participants are numbered through the whole list, so that
/// each list item has its label (Lbl) as well as its body in the tagged PDF, as the signatory list has.
///
/// The organiser downloads it for their own use, so it is in the language they read the dashboard in
/// (<see cref="LanguageTexts.OfRequest"/>): headings, sectors, country names and their order, dates; an Arabic list is
/// laid out right to left.</summary>
public static class ParticipantListPdf
{
    /// <summary>One participant as the list prints them.</summary>
    /// <param name="Protocol">Title, honorific, rank and order: the entry reads as <see cref="ProtocolLine.ListEntry"/> writes it.</param>
    /// <param name="Category">Head of delegation or not: the head comes first in the organisation's entries.</param>
    public sealed record Participant(string FullName, string Position, string Organisation, Sector? Sector, string? CountryCode, bool IsMinister,
        Data.Invitations.ProtocolDetails? Protocol = null, DelegateCategory Category = DelegateCategory.Delegate)
    {
        public ProtocolPlace Place => new(Category, Protocol?.Rank ?? Data.Invitations.ProtocolRank.None, IsMinister, Protocol?.Order);
    }

    /// <param name="whenWhere">The summit's dates and place in the list's language (<see cref="BadgePdf.WhenWhere"/>).</param>
    public static byte[] Render(string summitName, string whenWhere, IReadOnlyList<Participant> participants, LanguageTexts? texts = null)
    {
        texts ??= new LanguageTexts(null);
        var order = StringComparer.Create(texts.Culture, ignoreCase: true);
        SummitFonts.Register();
        using var document = new PdfDocument();
        var title = texts.Format("Participants – {0}", summitName);
        document.Info.Title = title;
        document.Info.Creator = "WeProtect Summit";
        using var flow = PdfFlow.In(texts, document, title);
        flow.Paragraph(summitName, PdfFlow.Font(16, bold: true), spaceAfter: 3, tag: PdfTags.Heading(1));
        flow.Paragraph(whenWhere, PdfFlow.Font(10), colour: PdfFlow.Muted, spaceAfter: 2);
        // The dashboard's figure (countries whose government came), said as such: the list also heads the countries of
        // companies and charities, which do not make a country represented.
        var countries = Data.Registrations.CountriesRepresented.Count(participants.Select(p => (p.Sector, p.CountryCode)));
        flow.Paragraph(texts.Format("{0} · {1} · for the organisers, not for publication",
                texts.Plural(participants.Count, "{0:N0} participant", "{0:N0} participants"),
                texts.Plural(countries, "{0:N0} country represented", "{0:N0} countries represented")),
            PdfFlow.Font(9), colour: PdfFlow.Muted, spaceAfter: 1);
        flow.Rule();
        var body = PdfFlow.Font(9.5);
        if (participants.Count == 0) flow.Paragraph(texts["No participant is approved yet."], body, colour: PdfFlow.Muted);

        var byCountry = participants
            .GroupBy(p => p.CountryCode is null ? null : Countries.NameOf(p.CountryCode, texts.Language))
            .OrderBy(g => g.Key is null ? 1 : 0).ThenBy(g => g.Key, order);
        var number = 0;
        foreach (var country in byCountry)
        {
            // Not "International organisations": a charity or a company working across borders has no country either.
            var heading = country.Key ?? texts["No country (international)"];
            flow.Heading(texts.Format("{0} ({1})", heading, country.Count()),
                PdfFlow.Font(12.5, bold: true), level: 2, spaceBefore: 10, spaceAfter: 2);
            foreach (var sector in country.GroupBy(p => p.Sector).OrderBy(g => g.Key is null ? int.MaxValue : (int)g.Key.Value))
            {
                var sectorHeading = texts[sector.Key?.Heading() ?? "Sector not given"];
                flow.Heading(sectorHeading, PdfFlow.Font(10, bold: true), level: 3, spaceBefore: 4, spaceAfter: 2);
                flow.BeginList();
                foreach (var p in sector.OrderBy(p => p.Organisation, order).ThenInProtocolOrder(p => p.Place, p => p.FullName, order))
                {
                    number++;
                    var entry = ProtocolLine.Of(p.Protocol ?? Data.Invitations.ProtocolDetails.None, p.FullName, p.Position, p.Organisation, texts);
                    flow.Paragraph(entry.ListEntry(p.IsMinister),
                        body, indent: 30, label: $"{number.ToString(CultureInfo.InvariantCulture)}.", spaceAfter: 1.5);
                }
                flow.EndList();
            }
        }
        return flow.Save();
    }

}
