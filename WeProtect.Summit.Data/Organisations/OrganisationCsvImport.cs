using CsvHelper;
using CsvHelper.Configuration;

namespace WeProtect.Summit.Data.Organisations;

/// <summary>Reads a directory spreadsheet (CSV, UTF-8, comma-separated, header row) into organisations to add.
/// All or nothing: a file with any bad row yields no organisations, and every bad row is reported with its line
/// in the file and each reason, so that the organiser can fix the spreadsheet in one pass.
/// The field rules are the entity's (<see cref="Organisation.Normalise"/>, <see cref="Organisation.Validate"/>);
/// this class adds only what is particular to a file: columns, parsing, duplicates, and the member_since year, which
/// the import records in the membership register as a joining on 1 January of that year.</summary>
public static class OrganisationCsvImport
{
    public const int MaxRows = 5000;
    public const int MaxFileBytes = 1024 * 1024;
    public const string MaxFileSizeText = "1 MB";

    public const string FormalNameColumn = "formal_name";
    public const string SortNameColumn = "sort_name";
    public const string SectorColumn = "sector";
    public const string CountryColumn = "country";
    public const string MemberSinceColumn = "member_since";
    /// <summary>The name the organisation is listed under in "Agreed by" lists ("UAE"); optional, like sort_name.</summary>
    public const string ListedNameColumn = "listed_name";

    /// <summary>The header, in the order the template writes it. sort_name and listed_name may be left out of a file.</summary>
    public static readonly IReadOnlyList<string> Columns = [FormalNameColumn, SortNameColumn, SectorColumn, CountryColumn, MemberSinceColumn, ListedNameColumn];
    private static readonly string[] RequiredColumns = [FormalNameColumn, SectorColumn, CountryColumn, MemberSinceColumn];

    /// <summary>A blank template with two example rows, UTF-8 with a byte-order mark so that Excel shows accents.</summary>
    public static byte[] Template()
    {
        var text = string.Join(",", Columns) + "\r\n"
            + "Republic of Côte d'Ivoire,Côte d'Ivoire,Government,CI,2019,Côte d'Ivoire\r\n"
            + "\"United Nations Children's Fund (UNICEF)\",UNICEF,International organisation,,2015,UNICEF\r\n";
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }

    /// <summary>Reads an uploaded file's bytes: refuses a file over <see cref="MaxFileBytes"/> or not UTF-8 text.</summary>
    public static OrganisationImportResult Read(byte[] content, IEnumerable<string> existingFormalNames, int currentYear)
    {
        if (content.Length > MaxFileBytes)
            return OrganisationImportResult.Failed(null, $"The file is larger than {MaxFileSizeText}. Split it into smaller files of at most {MaxRows:N0} rows.");
        if (content is [(byte)'P', (byte)'K', 3, 4, ..])
            return OrganisationImportResult.Failed(null,
                "The file is a spreadsheet workbook (such as .xlsx), not CSV. In Excel choose \"Save as\" and \"CSV UTF-8 (Comma delimited)\".");
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return OrganisationImportResult.Failed(null,
                "The file is not UTF-8 text. In Excel choose \"CSV UTF-8 (Comma delimited)\" when saving; in LibreOffice choose the UTF-8 character set.");
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        return Read(new StringReader(text), existingFormalNames, currentYear);
    }

    /// <summary>Reads CSV text. <paramref name="existingFormalNames"/> are the names already in the directory
    /// (compared ignoring case, as people read them); <paramref name="currentYear"/> bounds member_since.</summary>
    public static OrganisationImportResult Read(TextReader reader, IEnumerable<string> existingFormalNames, int currentYear)
    {
        // At most a megabyte: reading it whole lets a bad row be placed on the line where it begins.
        var text = reader.ReadToEnd();
        var lineStarts = LineStarts(text);
        var existing = new HashSet<string>(existingFormalNames.Select(n => n.Trim()), StringComparer.OrdinalIgnoreCase);
        var badData = new List<int>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            Delimiter = ",",
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.None, // the entity trims names; quoted spaces stay the entity's business
            BadDataFound = args => badData.Add(args.Context.Parser?.RawRow ?? 0),
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };

        var errors = new List<OrganisationImportError>();
        var organisations = new List<OrganisationImportResult.Row>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        using var csv = new CsvReader(new StringReader(text), config);
        try
        {
            if (!csv.Read())
                return OrganisationImportResult.Failed(null, "The file is empty. Start from the template: its first line is the header " + string.Join(",", Columns) + ".");
            var headerLine = StartLine(csv.Parser, lineStarts);
            var header = csv.Parser.Record ?? [];
            var columns = ReadHeader(header, out var headerProblems);
            if (headerProblems.Count > 0) return OrganisationImportResult.Failed(headerLine, headerProblems);
            // Spreadsheets often export a few unnamed columns at the end; they are ignored while they stay empty.
            var unnamed = Enumerable.Range(0, header.Length).Where(i => string.IsNullOrWhiteSpace(header[i])).ToList();
            badData.Clear();

            var rows = 0;
            while (csv.Read())
            {
                var line = StartLine(csv.Parser, lineStarts);
                var record = csv.Parser.Record ?? [];
                var malformed = badData.Count > 0;
                badData.Clear();
                if (!malformed && record.All(string.IsNullOrWhiteSpace)) continue; // a spreadsheet's trailing ",,,," rows
                if (++rows > MaxRows)
                    return OrganisationImportResult.Failed(null, $"The file has more than {MaxRows:N0} organisations. Split it into smaller files.");

                var reasons = new List<string>();
                if (malformed)
                {
                    reasons.Add("The line is not well-formed CSV: a quote (\") is out of place. A field that contains a quote, a comma or a line break must be wholly in quotes, with each quote inside it doubled (\"\"), and every opening quote must be closed.");
                }
                if (record.Length != header.Length)
                {
                    reasons.Add($"The line has {record.Length} field{(record.Length == 1 ? "" : "s")}; the header has {header.Length}. Put a name that contains a comma in quotes.");
                    errors.Add(new OrganisationImportError(line, reasons));
                    continue;
                }

                foreach (var i in unnamed.Where(i => !string.IsNullOrWhiteSpace(record[i])))
                    reasons.Add($"Column {i + 1} has a value, \"{record[i].Trim()}\", but the header does not name that column.");
                var (organisation, memberSince) = ReadRow(record, columns, currentYear, reasons);
                if (organisation.FormalName.Length > 0)
                {
                    if (firstLineOf.TryGetValue(organisation.FormalName, out var first))
                        reasons.Add($"\"{organisation.FormalName}\" is also on line {first} of the file.");
                    else
                    {
                        firstLineOf[organisation.FormalName] = line;
                        if (existing.Contains(organisation.FormalName))
                            reasons.Add($"\"{organisation.FormalName}\" is already in the directory.");
                    }
                }
                if (reasons.Count > 0) errors.Add(new OrganisationImportError(line, reasons));
                else organisations.Add(new OrganisationImportResult.Row(organisation, memberSince));
            }
            if (rows == 0 && errors.Count == 0)
                return OrganisationImportResult.Failed(null, "The file has a header but no organisations.");
        }
        catch (CsvHelperException e)
        {
            int? line = e.Context?.Parser?.RawRow is int raw and > 0 ? raw : null;
            errors.Add(new OrganisationImportError(line, ["The file is not well-formed CSV here, and cannot be read further. Check for a quote (\") that is opened and never closed."]));
        }
        return errors.Count > 0 ? new OrganisationImportResult([], errors) : new OrganisationImportResult(organisations, []);
    }

    private static Dictionary<string, int> ReadHeader(string[] header, out List<string> problems)
    {
        problems = [];
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            // "Formal name" and "formal-name" are read as formal_name.
            var name = header[i].Trim().Replace(' ', '_').Replace('-', '_');
            if (name.Length == 0) continue; // an unnamed column: see the caller
            if (!Columns.Contains(name, StringComparer.OrdinalIgnoreCase))
                problems.Add($"\"{name}\" is not a column this import knows.");
            else if (!columns.TryAdd(name, i))
                problems.Add($"The column \"{name}\" appears twice in the header.");
        }
        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0) problems.Add("The header lacks " + string.Join(", ", missing) + ".");
        if (problems.Count > 0)
        {
            if (header.Length == 1 && header[0].Contains(';'))
                problems.Add("The file seems to be separated by semicolons; save it as CSV separated by commas.");
            problems.Add("The first line must be the header: " + string.Join(",", Columns) + " (sort_name and listed_name may be left out).");
        }
        return columns;
    }

    /// <summary>The row's organisation and its member_since year (checked here: the register's rules, for 1 January).</summary>
    private static (Organisation Organisation, int? MemberSince) ReadRow(string[] record, Dictionary<string, int> columns, int currentYear, List<string> reasons)
    {
        string Field(string column) => columns.TryGetValue(column, out var i) ? record[i] : "";

        var organisation = new Organisation
        {
            FormalName = Field(FormalNameColumn),
            SortName = Field(SortNameColumn),
            ListedName = Field(ListedNameColumn),
            CountryCode = Field(CountryColumn),
        };
        var sectorText = Field(SectorColumn).Trim();
        var sectorKnown = SectorNames.TryParse(sectorText, out var sector);
        // An unknown sector is stored as an undefined value so that the entity's sector rules do not misfire.
        organisation.Sector = sectorKnown ? sector : (Sector)(-1);

        var yearText = Field(MemberSinceColumn).Trim();
        var yearKnown = true;
        int? memberSince = null;
        if (yearText.Length > 0)
        {
            if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year)) memberSince = year;
            else yearKnown = false;
        }

        organisation.Normalise();
        foreach (var (field, message) in organisation.Validate())
        {
            if (field == nameof(Organisation.Sector))
                reasons.Add(sectorText.Length == 0
                    ? "The sector is empty. " + SectorHint
                    : $"\"{sectorText}\" is not a sector. " + SectorHint);
            else reasons.Add(message);
        }
        if (!yearKnown) reasons.Add($"Member since \"{yearText}\" is not a year; write it as 2019, or leave it empty for a non-member.");
        else if (memberSince is { } joined && (joined < Organisation.FirstMemberYear || joined > currentYear))
            reasons.Add($"Member since must be a year from {Organisation.FirstMemberYear} to {currentYear}.");
        return (organisation, memberSince);
    }

    private static readonly string SectorHint =
        "Use " + string.Join(", ", Enum.GetValues<Sector>().Select(s => s.DisplayName())) + ".";

    /// <summary>Where each line of <paramref name="text"/> begins (line 1 at index 0 of the list).</summary>
    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            if (text[i] is '\n' or '\r') starts.Add(i + 1);
        }
        return starts;
    }

    /// <summary>The line of the file where the record just read begins. The parser's own row count is where the
    /// record ends, and a quoted field may run over several lines, so the line is found from the record's offset.</summary>
    private static int StartLine(IParser parser, List<int> lineStarts)
    {
        var offset = (int)Math.Max(0L, parser.CharCount - (parser.RawRecord?.Length ?? 0));
        var index = lineStarts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
