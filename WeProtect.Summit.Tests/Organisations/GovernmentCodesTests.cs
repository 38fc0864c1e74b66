using System.Text;
using WeProtect.Summit.Data.Geography;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Tests.Signing;

namespace WeProtect.Summit.Tests.Organisations;

using WeProtect.Summit.Data.Summits;

/// <summary>Every government can be entered: the user-assigned code XK (Kosovo) is accepted by the organisation form,
/// the CSV import and the summit; such a government endorses and is printed under "Governments", by the name it is
/// listed under.</summary>
public class GovernmentCodesTests(SummitAppFactory app) : IClassFixture<SummitAppFactory>
{
    [Fact]
    public void XK_is_a_known_code_and_other_user_assigned_codes_are_not()
    {
        Assert.True(Countries.IsKnown("XK"));
        Assert.Equal("Kosovo", Countries.NameOf("XK"));
        Assert.Contains("XK", Countries.UserAssigned.Keys);
        Assert.False(Countries.IsKnown("XX"));
        Assert.False(Countries.IsKnown("QZ"));
        // Every listed user-assigned code is in ISO's user-assigned range, so it can never clash with a country.
        Assert.All(Countries.UserAssigned.Keys, code => Assert.True(Countries.IsUserAssignedRange(code), code));
        Assert.False(Countries.IsUserAssignedRange("GB"));

        var kosovo = new Organisation { FormalName = "Republic of Kosovo", Sector = Sector.Government, CountryCode = "xk " };
        kosovo.Normalise();
        Assert.Empty(kosovo.Validate());
        var nowhere = new Organisation { FormalName = "Nowhere", Sector = Sector.Government, CountryCode = "XX" };
        nowhere.Normalise();
        Assert.Contains(nowhere.Validate(), e => e.Field == nameof(Organisation.CountryCode) && e.Message.Contains("XK"));

        var summit = new Summit { Name = "Summit in Pristina", City = "Pristina", CountryCode = "XK" };
        Assert.DoesNotContain(summit.Validate(), e => e.Field == nameof(Summit.CountryCode));
    }

    [Fact]
    public void The_CSV_import_accepts_XK_and_a_listed_name()
    {
        var csv = "formal_name,sort_name,sector,country,member_since,listed_name\n" +
                  "Republic of Kosovo,Kosovo,Government,XK,2020,Kosovo\n" +
                  "United Arab Emirates,,Government,AE,2015,UAE\n" +
                  "Kingdom of Norway,Norway,Government,NO,,\n" +
                  "Over Long,,Civil society,GB,," + new string('x', Organisation.NameMaxLength + 1) + "\n";
        var result = OrganisationCsvImport.Read(Encoding.UTF8.GetBytes(csv), [], 2026);
        var error = Assert.Single(result.Errors);
        Assert.Equal(5, error.Line);
        Assert.Contains(error.Reasons, r => r.Contains("listed name is longer"));

        var good = OrganisationCsvImport.Read(Encoding.UTF8.GetBytes(string.Join("\n", csv.Split('\n')[..4]) + "\n"), [], 2026);
        Assert.True(good.Succeeded, string.Join(" | ", good.Errors.SelectMany(e => e.Reasons)));
        Assert.Equal([("XK", "Kosovo"), ("AE", "UAE"), ("NO", "Kingdom of Norway")],
            good.Organisations.Select(o => (o.CountryCode!, o.ListedAs)));
        Assert.Null(good.Organisations[2].ListedName);
    }

    [Fact]
    public async Task A_government_with_XK_entered_by_form_and_by_import_endorses_and_is_printed_under_Governments()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        using var organiser = await app.LoggedInClientAsync(Roles.Organiser);

        // The form: XK is offered, and a government is accepted for it, with the name it is listed under.
        var create = await organiser.GetPageAsync("/Organisations/Manage/Create");
        Assert.Equal("Kosovo (XK)", create.QuerySelector("select[name='Input.CountryCode'] option[value=XK]")?.TextContent);
        var formal = $"Republic of Kosovo {tag}";
        var response = await organiser.SubmitAsync(create, "form#organisation-form", new Dictionary<string, string>
        {
            ["Input.FormalName"] = formal, ["Input.SortName"] = $"Kosovo {tag}", ["Input.ListedName"] = $"Kosovo {tag}",
            ["Input.Sector"] = "Government", ["Input.CountryCode"] = "XK",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var byForm = await app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.FormalName == formal));
        Assert.Equal((Sector.Government, "XK", $"Kosovo {tag}"), (byForm.Sector, byForm.CountryCode, byForm.ListedName));
        Assert.Contains(await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == "organisation.created" && e.SubjectId == byForm.Id.ToString()).Select(e => e.Summary).ToListAsync()),
            s => s.Contains($"listed as Kosovo {tag}"));

        // The edit form shows the listed name and keeps it.
        var edit = await organiser.GetPageAsync($"/Organisations/Manage/Edit/{byForm.Id}");
        Assert.Equal($"Kosovo {tag}", edit.QuerySelector("input[name='Input.ListedName']")?.GetAttribute("value"));

        // The import: another government for XK (a second, differently named record), with its listed name.
        var importFormal = $"Government of Kosovo {tag}";
        var page = await organiser.GetPageAsync("/Organisations/Manage/Import");
        var imported = await organiser.SubmitAsync(page, "form#import-form", files: new Dictionary<string, (string, byte[])>
        {
            ["Upload"] = ("kosovo.csv", Encoding.UTF8.GetBytes($"formal_name,sort_name,sector,country,member_since,listed_name\n{importFormal},Kosovo Government {tag},Government,XK,,Kosovo Government {tag}\n")),
        });
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var byImport = await app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.FormalName == importFormal));
        Assert.Equal((Sector.Government, "XK"), (byImport.Sector, byImport.CountryCode));

        // Both endorse a statement for governments, and are printed under Governments by their listed names.
        var (statement, final) = await app.OpenStatementAsync(SigningData.TextForGovernments);
        await app.EndorseAsync(statement, final, byForm);
        await app.EndorseAsync(statement, final, byImport);
        using var anonymous = app.CreateFormClient();
        var agreedBy = await anonymous.GetPageAsync($"/Statements/{statement.Id}/agreed-by");
        var governments = agreedBy.QuerySelector(".agreed-by-sector[data-sector=Government]")!;
        Assert.Equal("Governments", governments.QuerySelector(".agreed-by-heading")!.TextContent.Trim());
        Assert.Equal([$"Kosovo {tag}", $"Kosovo Government {tag}"], governments.QuerySelectorAll(".signatory").Select(li => li.TextContent.Trim()));
        Assert.Null(agreedBy.QuerySelector(".agreed-by-sector[data-sector=CivilSociety]"));
    }
}
