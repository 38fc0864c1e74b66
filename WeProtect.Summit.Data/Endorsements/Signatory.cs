using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Data.Endorsements;

/// <summary>One organisation on an "Agreed by" list. <see cref="ListedName"/> is the organisation's
/// <see cref="Organisation.ListedName"/> ("UAE"), or null when it is listed under its formal name. <see cref="RecordedFrom"/>
/// is where the secretariat read an endorsement of a summit recorded afterwards (<see cref="Endorsement.RecordedFrom"/>).</summary>
public sealed record Signatory(int OrganisationId, string FormalName, string SortName, Sector Sector,
    int EndorsementId, DateTime SignedUtc, string PrintedName, string PrintedPosition, string? ListedName = null, string? Declaration = null,
    string? RecordedFrom = null)
{
    /// <summary>The name every "Agreed by" output prints: the listed name, else the formal name.</summary>
    public string Name => string.IsNullOrWhiteSpace(ListedName) ? FormalName : ListedName;

    /// <summary>Where the endorsements of a list that were recorded as printed were read, each once, in the list's
    /// order: every output of the list says so beneath it (none when all were signed here).</summary>
    public static IReadOnlyList<string> PrintedSources(IEnumerable<Signatory> ordered) =>
        ordered.Select(s => s.RecordedFrom).OfType<string>().Distinct().ToList();

    /// <summary>The numbers of the declaration notes of a list in its order: 1, 2, … for the signatories that attached
    /// one, in the order they are listed (the public page, the PDF and the downloads number them alike).</summary>
    public static IReadOnlyDictionary<int, int> NoteNumbers(IEnumerable<Signatory> ordered) =>
        ordered.Where(s => s.Declaration is not null).Select((s, i) => (s.EndorsementId, Number: i + 1))
            .ToDictionary(x => x.EndorsementId, x => x.Number);
}
