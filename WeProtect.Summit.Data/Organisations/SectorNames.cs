using System.ComponentModel.DataAnnotations;

namespace WeProtect.Summit.Data.Organisations;

public static class SectorNames
{
    /// <summary>The sector's name, singular ("Government"): see <see cref="Vocabulary.Words"/>.</summary>
    public static string DisplayName(this Sector sector) => Vocabulary.Words.Name(sector);

    /// <summary>The heading of a sector's part of an "Agreed by" list: "Governments", "International organisations",
    /// "Private sector", "Civil society". The one wording of these headings: the public page, the communiqué PDF, the
    /// signatory lists and the verification page all print it.</summary>
    public static string Heading(this Sector sector) => Vocabulary.Words.Plural(sector);

    /// <summary>Reads a sector as people write it in a spreadsheet: "Private sector", "private-sector", "PrivateSector".</summary>
    public static bool TryParse(string? text, out Sector sector)
    {
        var key = new string((text ?? "").Where(char.IsLetter).ToArray());
        foreach (var candidate in Enum.GetValues<Sector>())
        {
            if (string.Equals(key, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                sector = candidate;
                return true;
            }
        }
        sector = default;
        return false;
    }
}
