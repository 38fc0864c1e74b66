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
    }

    /// <summary>For the audit trail: "Republic of Côte d'Ivoire (sort name Côte d'Ivoire; Government; Côte d'Ivoire (CI))".
    /// Membership is the register's, audited there.</summary>
    public static string Describe(Organisation o) =>
        $"{o.FormalName} (sort name {o.SortName}; {ListedText(o.ListedName)}; {o.Sector.DisplayName()}; {CountryText(o.CountryCode)})";

    /// <summary>What changed, field by field: "Sector: Government → Civil society".</summary>
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
        return changes;
    }

    public static string CountryText(string? code) => code is null ? "no country" : $"{Countries.NameOf(code)} ({code})";

    private static string ListedText(string? listed) => listed is null ? "listed under its formal name" : "listed as " + listed;
}
