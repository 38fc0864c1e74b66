using CsvHelper;
using CsvHelper.Configuration;

namespace WeProtect.Summit.Data.Organisations;

/// <summary>Either the organisations to add (valid, normalised, not yet in the directory) or the errors; never both.</summary>
public sealed record OrganisationImportResult(IReadOnlyList<Organisation> Organisations, IReadOnlyList<OrganisationImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static OrganisationImportResult Failed(int? line, params IEnumerable<string> reasons) =>
        new([], [new OrganisationImportError(line, reasons.ToList())]);
}
