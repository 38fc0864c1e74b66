using CsvHelper;
using CsvHelper.Configuration;

namespace WeProtect.Summit.Data.Organisations;

/// <summary>One bad row (or, with no line, the file as a whole) and every reason it was refused.</summary>
public sealed record OrganisationImportError(int? Line, IReadOnlyList<string> Reasons);
