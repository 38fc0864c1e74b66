using WeProtect.Summit.Data.Geography;

namespace WeProtect.Summit.Data.Organisations;

/// <summary>An organisation's directory fields as a whole: copied from an edited copy, described for the audit
/// trail, compared field by field. Add a new directory field here once and the desk, the form and the trail follow.</summary>
public static class OrganisationChanges
{
    public static void CopyFields(Organisation from, Organisation to)
    {
        to.FormalName = from.FormalName;
        to.SortName = from.SortName;
        to.ListedName = from.ListedName;
        to.Sector = from.Sector;
        to.CountryCode = from.CountryCode;
        to.MemberSince = from.MemberSince;
    }

    /// <summary>For the audit trail: "Republic of Côte d'Ivoire (sort name Côte d'Ivoire; Government; Côte d'Ivoire (CI); member since 2019)".</summary>
    public static string Describe(Organisation o) =>
        $"{o.FormalName} (sort name {o.SortName}; {ListedText(o.ListedName)}; {o.Sector.DisplayName()}; {CountryText(o.CountryCode)}; {YearText(o.MemberSince)})";

    /// <summary>What changed, field by field: "Sector: Government → Civil society; Member since: none → 2020".</summary>
    public static IReadOnlyList<string> Changes(Organisation before, Organisation after)
    {
        var changes = new List<string>();
        void Compare(string label, string a, string b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal)) changes.Add($"{label}: \"{a}\" → \"{b}\"");
        }
        Compare("Formal name", before.FormalName, after.FormalName);
        Compare("Sort name", before.SortName, after.SortName);
        Compare("Listed as", ListedText(before.ListedName), ListedText(after.ListedName));
        Compare("Sector", before.Sector.DisplayName(), after.Sector.DisplayName());
        Compare("Country", CountryText(before.CountryCode), CountryText(after.CountryCode));
        Compare("Member since", YearText(before.MemberSince), YearText(after.MemberSince));
        return changes;
    }

    public static string CountryText(string? code) => code is null ? "no country" : $"{Countries.NameOf(code)} ({code})";

    private static string ListedText(string? listed) => listed is null ? "listed under its formal name" : "listed as " + listed;

    private static string YearText(int? year) => year is null ? "not a member" : "member since " + year.Value.ToString(CultureInfo.InvariantCulture);
}
