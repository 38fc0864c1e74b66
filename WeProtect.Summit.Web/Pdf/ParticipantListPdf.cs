using PdfSharp.Pdf;
using WeProtect.Summit.Data.Geography;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>The printable participant list of a summit for the secretariat (A4, paginated through <see cref="PdfFlow"/>):
/// one heading per country in English alphabetical order (international organisations, which have no country, last),
/// under it one sub-heading per sector in the order of <see cref="Sector"/> ("Governments" first), and the delegates by
/// organisation then name, each with position and organisation, ministers marked. Only what the organisers already see
/// on the dashboard; the header says it is not for publication. Participants are numbered through the whole list, so that
/// each list item has its label (Lbl) as well as its body in the tagged PDF, as the signatory list has.</summary>
public static class ParticipantListPdf
{
    public const string NoCountry = "International organisations";

    /// <summary>One participant as the list prints them.</summary>
    public sealed record Participant(string FullName, string Position, string Organisation, Sector? Sector, string? CountryCode, bool IsMinister);

    public static byte[] Render(string summitName, string whenWhere, IReadOnlyList<Participant> participants)
    {
        var order = StringComparer.Create(CultureInfo.GetCultureInfo("en-GB"), ignoreCase: true);
        SummitFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = $"Participants – {summitName}";
        document.Info.Creator = "WeProtect Summit";
        using var flow = new PdfFlow(document, $"Participants – {summitName}");
        flow.Paragraph(summitName, PdfFlow.Font(16, bold: true), spaceAfter: 3, tag: PdfTags.Heading(1));
        flow.Paragraph(whenWhere, PdfFlow.Font(10), colour: PdfFlow.Muted, spaceAfter: 2);
        var countries = Data.Registrations.CountriesRepresented.Count(participants.Select(p => (p.Sector, p.CountryCode)));
        flow.Paragraph($"{Plural(participants.Count, "participant", "participants")} from {Plural(countries, "country", "countries")} · for the organisers, not for publication",
            PdfFlow.Font(9), colour: PdfFlow.Muted, spaceAfter: 1);
        flow.Rule();
        var body = PdfFlow.Font(9.5);
        if (participants.Count == 0) flow.Paragraph("No participant is approved yet.", body, colour: PdfFlow.Muted);

        var byCountry = participants
            .GroupBy(p => p.CountryCode is null ? NoCountry : Countries.NameOf(p.CountryCode))
            .OrderBy(g => g.Key == NoCountry ? 1 : 0).ThenBy(g => g.Key, order);
        var number = 0;
        foreach (var country in byCountry)
        {
            flow.Heading($"{country.Key} ({country.Count().ToString(CultureInfo.InvariantCulture)})", PdfFlow.Font(12.5, bold: true), level: 2, spaceBefore: 10, spaceAfter: 2);
            foreach (var sector in country.GroupBy(p => p.Sector).OrderBy(g => g.Key is null ? int.MaxValue : (int)g.Key.Value))
            {
                flow.Heading(sector.Key?.Heading() ?? "Sector not given", PdfFlow.Font(10, bold: true), level: 3, spaceBefore: 4, spaceAfter: 2);
                flow.BeginList();
                foreach (var p in sector.OrderBy(p => p.Organisation, order).ThenBy(p => p.FullName, order))
                {
                    var minister = p.IsMinister ? " (Minister)" : "";
                    number++;
                    flow.Paragraph($"{p.FullName}{minister} — {p.Position}, {p.Organisation}", body, indent: 30,
                        label: $"{number.ToString(CultureInfo.InvariantCulture)}.", spaceAfter: 1.5);
                }
                flow.EndList();
            }
        }
        return flow.Save();
    }

    private static string Plural(int n, string one, string many) => n == 1 ? "1 " + one : $"{n.ToString("N0", CultureInfo.InvariantCulture)} {many}";
}
