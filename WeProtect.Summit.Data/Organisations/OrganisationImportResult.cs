namespace WeProtect.Summit.Data.Organisations;

/// <summary>Either the organisations to add (valid, normalised, not yet in the directory), each with the year its
/// member_since cell gave, or the errors; never both.</summary>
public sealed record OrganisationImportResult(IReadOnlyList<OrganisationImportResult.Row> Rows, IReadOnlyList<OrganisationImportError> Errors)
{
    /// <summary>An organisation of the file and its member_since year (none: not a member). The register records the
    /// joining on 1 January of that year (<see cref="JoinedOn"/>): the file gives no day.</summary>
    public sealed record Row(Organisation Organisation, int? MemberSince)
    {
        public DateOnly? JoinedOn => MemberSince is { } year ? new DateOnly(year, 1, 1) : null;
    }

    public IReadOnlyList<Organisation> Organisations => [.. Rows.Select(r => r.Organisation)];

    public bool Succeeded => Errors.Count == 0;

    public static OrganisationImportResult Failed(int? line, params IEnumerable<string> reasons) =>
        new([], [new OrganisationImportError(line, reasons.ToList())]);
}
