using CsvHelper;
using CsvHelper.Configuration;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Data.Invitations;

/// <summary>Reads a file of invitations (CSV, UTF-8, header row): <c>organisation</c> (its formal name or id in the
/// directory), <c>email</c> (the focal point's address) and optionally <c>quota</c> (delegates besides one head of
/// delegation). All or nothing: any bad row yields no invitation, and every bad row is listed with its line, in words the
/// page says in the reader's language (<see cref="DeskText"/>).</summary>
public static class InvitationCsv
{
    public const int MaxRows = 2000;
    public const int MaxFileBytes = 512 * 1024;
    public const string MaxFileSizeText = "512 KB";
    public const string Header = "organisation,email,quota";

    public sealed record Result(IReadOnlyList<InvitationRow> Rows, IReadOnlyList<DeskText> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public static Result Read(byte[] content, IReadOnlyList<Organisation> directory)
    {
        string text;
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content); }
        catch (DecoderFallbackException) { return Failed("The file is not UTF-8 text. Save it as \"CSV UTF-8 (Comma delimited)\"."); }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var byId = directory.ToDictionary(o => o.Id);
        var byName = directory.GroupBy(o => o.FormalName.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var errors = new List<DeskText>();
        var rows = new List<InvitationRow>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true, IgnoreBlankLines = true, MissingFieldFound = null, DetectColumnCountChanges = false,
            BadDataFound = args => errors.Add($"Line {args.Context.Parser?.RawRow ?? 0}: a quote is not closed or is misplaced."),
        };
        using var csv = new CsvReader(new StringReader(text), config);
        try
        {
            if (!csv.Read()) return Failed($"The file is empty. Its first line is the header: {Header}.");
            var header = (csv.Parser.Record ?? []).Select(h => h.Trim().ToLowerInvariant()).ToList();
            int organisationColumn = header.IndexOf("organisation"), emailColumn = header.IndexOf("email"), quotaColumn = header.IndexOf("quota");
            if (organisationColumn < 0 || emailColumn < 0)
                return Failed($"Line 1: the header must name the columns organisation and email (and optionally quota): {Header}.");
            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                if (rows.Count + errors.Count >= MaxRows) return Failed($"The file has more than {MaxRows:N0} rows: split it.");
                var record = csv.Parser.Record ?? [];
                string Field(int i) => i >= 0 && i < record.Length ? record[i].Trim() : "";
                var name = Field(organisationColumn);
                var email = Field(emailColumn);
                var quotaText = Field(quotaColumn);
                var problems = new List<DeskText>();
                Organisation? organisation = null;
                if (name.Length == 0) problems.Add("the organisation is missing");
                else if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) organisation = byId.GetValueOrDefault(id);
                else organisation = byName.GetValueOrDefault(name);
                if (name.Length > 0 && organisation is null) problems.Add($"\"{Shorten(name)}\" is not an organisation of the directory (give its formal name or id)");
                if (EmailAddresses.Problem(email) is not null)
                    problems.Add(email.Length == 0 ? "the e-mail address is missing" : (DeskText)$"\"{Shorten(email)}\" is not an e-mail address");
                int? quota = null;
                if (quotaText.Length > 0)
                {
                    if (int.TryParse(quotaText, NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q <= 1000) quota = q;
                    else problems.Add($"the quota \"{Shorten(quotaText)}\" is not a whole number from 0 to 1,000");
                }
                if (problems.Count > 0) errors.Add($"Line {line}: {problems.Aggregate((said, next) => $"{said}; {next}")}.");
                else rows.Add(new InvitationRow(line, organisation!.Id, email, quota is null ? null : 1, quota));
            }
        }
        catch (CsvHelperException)
        {
            errors.Add("The file could not be read as CSV. Start from the header organisation,email,quota.");
        }
        foreach (var duplicate in rows.GroupBy(r => r.OrganisationId).Where(g => g.Count() > 1))
            errors.Add($"Line {duplicate.Skip(1).First().Line}: {byId[duplicate.Key].FormalName} is already on line {duplicate.First().Line}.");
        if (rows.Count == 0 && errors.Count == 0) errors.Add("The file has no rows after its header.");
        return errors.Count > 0 ? new Result([], errors) : new Result(rows, []);
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private static Result Failed(DeskText message) => new([], [message]);
}
