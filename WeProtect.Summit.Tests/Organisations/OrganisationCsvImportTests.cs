using System.Text;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Organisations;

public class OrganisationCsvImportTests
{
    private const int Year = 2026;
    private const string Header = "formal_name,sort_name,sector,country,member_since\n";

    private static OrganisationImportResult Read(string csv, params string[] existing) =>
        OrganisationCsvImport.Read(Encoding.UTF8.GetBytes(csv), existing, Year);

    private static OrganisationImportError ErrorOn(OrganisationImportResult result, int line) =>
        result.Errors.SingleOrDefault(e => e.Line == line)
        ?? throw new Xunit.Sdk.XunitException($"No error on line {line}; errors: " + string.Join(" | ", result.Errors.Select(e => $"{e.Line}: {string.Join("; ", e.Reasons)}")));

    [Fact]
    public void A_good_file_gives_normalised_organisations()
    {
        var result = Read(Header +
            "People's Republic of China,China,Government,cn,2015\n" +
            "  UNICEF  ,,International organisation,,\n" +
            "Meta Platforms,,private-sector,US,2016\n" +
            "ECPAT International,,CivilSociety,TH,2014\n");

        Assert.True(result.Succeeded, string.Join(" | ", result.Errors.SelectMany(e => e.Reasons)));
        Assert.Equal(4, result.Organisations.Count);
        var (china, chinaSince) = result.Rows[0];
        Assert.Equal(("People's Republic of China", "China", Sector.Government, "CN", 2015),
            (china.FormalName, china.SortName, china.Sector, china.CountryCode, chinaSince));
        Assert.Equal(new DateOnly(2015, 1, 1), result.Rows[0].JoinedOn);
        var (unicef, unicefSince) = result.Rows[1];
        Assert.Equal(("UNICEF", "UNICEF", Sector.InternationalOrganisation, null, null),
            (unicef.FormalName, unicef.SortName, unicef.Sector, unicef.CountryCode, unicefSince));
        Assert.Null(result.Rows[1].JoinedOn);
        Assert.Equal(Sector.PrivateSector, result.Organisations[2].Sector);
        Assert.Equal(Sector.CivilSociety, result.Organisations[3].Sector);
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_line_and_reasons_and_nothing_is_returned()
    {
        var result = Read(Header +                                                  // line 1
            "Good Government,,Government,GB,2014\n" +                                // 2 fine
            "Bad Sector Org,,Charity,GB,2015\n" +                                    // 3 sector
            "Atlantis,,Government,XX,2015\n" +                                       // 4 unknown country
            "Nowhere Government,,Government,,2015\n" +                               // 5 government without country
            "World Body,,International organisation,FR,2015\n" +                     // 6 international with a country
            "Too Early,,Civil society,FR,2010\n" +                                   // 7 year out of range
            "Too Late,,Civil society,FR,2099\n" +                                    // 8 year out of range
            ",,Private sector,US,\n" +                                               // 9 missing name
            new string('x', 201) + ",,Private sector,US,\n" +                        // 10 too long
            "Good Government,,Government,GB,\n" +                                    // 11 duplicate of line 2
            "Existing Org,,Civil society,KE,\n" +                                    // 12 already in the directory
            "Two Problems,,Government,,soon\n" +                                     // 13 two reasons
            "Short,Government,GB\n" +                                                // 14 wrong field count
            "\n" +                                                                   // 15 blank: ignored
            "Fine Too,,Civil society,KE,2020\n",                                     // 16 fine
            "existing org");

        Assert.False(result.Succeeded);
        Assert.Empty(result.Organisations);
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14], result.Errors.Select(e => e.Line!.Value).ToArray());
        Assert.Contains("\"Charity\" is not a sector", ErrorOn(result, 3).Reasons.Single());
        Assert.Contains("\"XX\" is not an ISO 3166-1", ErrorOn(result, 4).Reasons.Single());
        Assert.Equal("A government needs its country.", ErrorOn(result, 5).Reasons.Single());
        Assert.Equal("An international organisation has no country.", ErrorOn(result, 6).Reasons.Single());
        Assert.Contains("from 2014 to 2026", ErrorOn(result, 7).Reasons.Single());
        Assert.Contains("from 2014 to 2026", ErrorOn(result, 8).Reasons.Single());
        Assert.Equal("The formal name is required.", ErrorOn(result, 9).Reasons[0]);
        Assert.Contains("longer than 200", ErrorOn(result, 10).Reasons[0]);
        Assert.Equal("\"Good Government\" is also on line 2 of the file.", ErrorOn(result, 11).Reasons.Single());
        Assert.Equal("\"Existing Org\" is already in the directory.", ErrorOn(result, 12).Reasons.Single());
        var two = ErrorOn(result, 13).Reasons;
        Assert.Equal(2, two.Count);
        Assert.Contains(two, r => r == "A government needs its country.");
        Assert.Contains(two, r => r.Contains("\"soon\" is not a year"));
        Assert.Contains("3 fields; the header has 5", ErrorOn(result, 14).Reasons.Single());
    }

    [Fact]
    public void Line_numbers_count_the_lines_of_a_quoted_field_that_spans_several()
    {
        var result = Read(Header.Replace("\n", "\r\n") +
            "\"Ministry of\r\nJustice\",,Government,GB,2014\r\n" +   // lines 2-3
            "\r\n" +                                                // line 4, blank
            "Bad,,Nonsense,GB,2014\r\n" +                           // line 5
            "\"Unclosed,,Government,GB,\r\n");                      // line 6, runs to the end
        Assert.Equal([5, 6], result.Errors.Select(e => e.Line!.Value));
    }

    [Theory]
    [InlineData("name,sector,country\nA,Government,GB\n", "\"name\" is not a column")]
    [InlineData("formal_name;sort_name;sector;country;member_since\nA;;Government;GB;\n", "semicolons")]
    [InlineData("formal_name,sector,country\nA,Government,GB\n", "lacks member_since")]
    [InlineData("formal_name,sector,sector,country,member_since\nA,Government,Government,GB,\n", "appears twice")]
    public void A_wrong_header_is_reported_on_line_1(string csv, string expected)
    {
        var result = Read(csv);
        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains(error.Reasons, r => r.Contains(expected));
        Assert.Empty(result.Organisations);
    }

    [Fact]
    public void Empty_unnamed_columns_at_the_end_are_ignored_but_values_in_them_are_not()
    {
        var ok = Read("formal_name,sort_name,sector,country,member_since,,\nUNICEF,,International organisation,,2014,,\n");
        Assert.True(ok.Succeeded, string.Join(" | ", ok.Errors.SelectMany(e => e.Reasons)));

        var bad = Read("formal_name,sort_name,sector,country,member_since,\nUNICEF,,International organisation,,2014,oops\n");
        Assert.Contains("Column 6 has a value, \"oops\"", Assert.Single(bad.Errors).Reasons.Single());
    }

    [Fact]
    public void Sort_name_may_be_left_out_of_the_header()
    {
        var result = Read("Formal name,Sector,Country,Member-since\nUNICEF,International organisation,,2014\n");
        Assert.True(result.Succeeded);
        Assert.Equal("UNICEF", result.Organisations.Single().SortName);
    }

    [Theory]
    [InlineData("", "The file is empty")]
    [InlineData("\n\n", "The file is empty")]
    [InlineData(Header, "header but no organisations")]
    [InlineData(Header + ",,,,\n,,,,\n", "header but no organisations")]
    public void An_empty_file_is_refused(string csv, string expected)
    {
        var result = Read(csv);
        Assert.Contains(expected, Assert.Single(result.Errors).Reasons.Single());
    }

    [Fact]
    public void A_duplicate_in_the_file_is_found_whatever_the_case()
    {
        var result = Read(Header + "UNICEF,,International organisation,,\nOther,,Civil society,GB,\n Unicef ,,International organisation,,\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal(4, error.Line);
        Assert.Equal("\"Unicef\" is also on line 2 of the file.", error.Reasons.Single());
    }

    [Fact]
    public void Quoted_names_with_commas_and_accents_are_read_whole()
    {
        var csv = Header +
            "\"Republic of Côte d'Ivoire\",\"Côte d'Ivoire\",Government,CI,2019\n" +
            "\"Democratic Republic of São Tomé and Príncipe\",São Tomé and Príncipe,Government,ST,\n" +
            "\"Korea, Republic of\",\"Korea, Republic of\",Government,KR,2016\n" +
            "\"The \"\"Safe Online\"\" Fund, Inc.\",,Civil society,US,\n";
        // With the byte-order mark Excel writes.
        var result = OrganisationCsvImport.Read([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], [], Year);

        Assert.True(result.Succeeded, string.Join(" | ", result.Errors.SelectMany(e => e.Reasons)));
        Assert.Equal(["Republic of Côte d'Ivoire", "Democratic Republic of São Tomé and Príncipe", "Korea, Republic of", "The \"Safe Online\" Fund, Inc."],
            result.Organisations.Select(o => o.FormalName));
        Assert.Equal("Côte d'Ivoire", result.Organisations[0].SortName);
        Assert.Equal("São Tomé and Príncipe", result.Organisations[1].SortName);
    }

    [Fact]
    public void A_stray_quote_is_reported_on_its_line()
    {
        var result = Read(Header + "Good,,Civil society,GB,\n\nThe \"Bad\" Org,,Civil society,GB,\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal(4, error.Line);
        Assert.Contains("not well-formed CSV", error.Reasons[0]);
    }

    [Fact]
    public void Text_that_is_not_utf8_is_refused()
    {
        var latin1 = Encoding.Latin1.GetBytes(Header + "Côte d'Ivoire,,Government,CI,\n");
        Assert.Contains("not UTF-8", Assert.Single(OrganisationCsvImport.Read(latin1, [], Year).Errors).Reasons.Single());
    }

    [Fact]
    public void A_workbook_is_refused_with_a_hint_to_save_as_csv()
    {
        byte[] xlsx = [(byte)'P', (byte)'K', 3, 4, 20, 0, 6, 0];
        Assert.Contains("not CSV", Assert.Single(OrganisationCsvImport.Read(xlsx, [], Year).Errors).Reasons.Single());
    }

    [Fact]
    public void More_than_5000_rows_are_refused()
    {
        var csv = new StringBuilder(Header);
        for (var i = 1; i <= OrganisationCsvImport.MaxRows + 1; i++) csv.Append("Org ").Append(i).Append(",,Civil society,GB,\n");
        var result = Read(csv.ToString());
        Assert.Empty(result.Organisations);
        Assert.Contains("more than 5,000", Assert.Single(result.Errors).Reasons.Single());

        var exactly = new StringBuilder(Header);
        for (var i = 1; i <= OrganisationCsvImport.MaxRows; i++) exactly.Append("Org ").Append(i).Append(",,Civil society,GB,\n");
        Assert.Equal(OrganisationCsvImport.MaxRows, Read(exactly.ToString()).Organisations.Count);
    }

    [Fact]
    public void A_file_over_1_MB_is_refused_with_a_message()
    {
        var big = new byte[OrganisationCsvImport.MaxFileBytes + 1];
        Array.Fill(big, (byte)'a');
        Assert.Contains("larger than 1 MB", Assert.Single(OrganisationCsvImport.Read(big, [], Year).Errors).Reasons.Single());
    }

    [Fact]
    public void The_template_imports_cleanly()
    {
        var result = OrganisationCsvImport.Read(OrganisationCsvImport.Template(), [], Year);
        Assert.True(result.Succeeded, string.Join(" | ", result.Errors.SelectMany(e => e.Reasons)));
        Assert.Equal(2, result.Organisations.Count);
    }
}
