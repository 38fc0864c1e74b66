using WeProtect.Summit.Data.Geography;
using WeProtect.Summit.Data.Validation;

namespace WeProtect.Summit.Data.Organisations;

/// <summary>A member of the Alliance or a participating body: a government, an international organisation,
/// a company or a civil society organisation. Whether it is a member, and since when, is the membership register's
/// (<see cref="Membership"/>, written by <see cref="MembershipDesk"/> only), not a field of its own.</summary>
public class Organisation
{
    public const int NameMaxLength = 200;
    public const int FirstMemberYear = 2014; // the Alliance's founding summit, London 2014

    public int Id { get; set; }

    /// <summary>The name as printed: "People's Republic of China".</summary>
    public string FormalName { get; set; } = "";

    /// <summary>The name lists are sorted by: "China".</summary>
    public string SortName { get; set; } = "";

    /// <summary>The name it is listed under in an "Agreed by" list, when that is not the formal name: "UAE" for
    /// "United Arab Emirates". Optional; every "Agreed by" output prints <see cref="ListedAs"/>.</summary>
    public string? ListedName { get; set; }

    /// <summary>The name printed in "Agreed by" lists: the listed name, else the formal name.</summary>
    public string ListedAs => ListedName ?? FormalName;

    public Sector Sector { get; set; }

    /// <summary>ISO 3166-1 alpha-2, or a user-assigned code listed in Geography (XK, Kosovo); none for an international
    /// organisation.</summary>
    public string? CountryCode { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Optimistic concurrency: two organisers editing the same record do not overwrite each other.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Every reason the organisation's fields are not acceptable, keyed by field name; empty when valid.</summary>
    public IReadOnlyList<(string Field, string Message)> Validate()
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(FormalName)) errors.Add((nameof(FormalName), "The formal name is required."));
        else if (NameRule.Problem(FormalName, "The formal name", NameMaxLength) is { } formal) errors.Add((nameof(FormalName), formal.ToString()));
        if (string.IsNullOrWhiteSpace(SortName)) errors.Add((nameof(SortName), "The sort name is required."));
        else if (NameRule.Problem(SortName, "The sort name", NameMaxLength) is { } sort) errors.Add((nameof(SortName), sort.ToString()));
        if (NameRule.Problem(ListedName, "The listed name", NameMaxLength) is { } listed) errors.Add((nameof(ListedName), listed.ToString()));
        if (!Enum.IsDefined(Sector)) errors.Add((nameof(Sector), "The sector is not one of the four Alliance sectors."));
        if (Sector == Sector.InternationalOrganisation && CountryCode is not null)
            errors.Add((nameof(CountryCode), "An international organisation has no country."));
        if (Sector == Sector.Government && CountryCode is null)
            errors.Add((nameof(CountryCode), "A government needs its country."));
        if (CountryCode is not null && !Countries.IsKnown(CountryCode))
            errors.Add((nameof(CountryCode), $"\"{CountryCode}\" is not an ISO 3166-1 alpha-2 country code, nor one of the user-assigned codes this directory accepts ({string.Join(", ", Countries.UserAssigned.Keys)})."));
        return errors;
    }

    /// <summary>Trims names and normalises the country code, as every entry path (form, CSV) must.</summary>
    public void Normalise()
    {
        // Line breaks and tabs (a CSV cell may hold them) become single spaces; other control characters stay, for
        // Validate to refuse (NameRule).
        FormalName = NameRule.Tidy(FormalName);
        SortName = string.IsNullOrWhiteSpace(SortName) ? FormalName : NameRule.Tidy(SortName);
        // A listed name equal to the formal name says nothing more: stored as none.
        ListedName = string.IsNullOrWhiteSpace(ListedName) || ListedName.Trim() == FormalName ? null : ListedName.Trim();
        CountryCode = string.IsNullOrWhiteSpace(CountryCode) ? null : CountryCode.Trim().ToUpperInvariant();
    }
}
