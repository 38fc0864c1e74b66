using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using WeProtect.Summit.Data.Geography;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Web.Pages.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>The delegate's answers, as the register and edit forms post them. Strings are nullable so that the
/// entity's <see cref="Registration.Validate"/> says what is missing, once, in its own words.</summary>
public sealed class RegistrationInput
{
    [Display(Name = "Full name")] public string? FullName { get; set; }
    [Display(Name = "Position")] public string? Position { get; set; }
    [Display(Name = "Organisation")] public int? OrganisationId { get; set; }
    [Display(Name = "My organisation is not listed")] public bool OrganisationNotListed { get; set; }
    [Display(Name = "Organisation's name")] public string? ProposedOrganisationName { get; set; }
    [Display(Name = "Sector")] public Sector? ProposedSector { get; set; }
    [Display(Name = "Country")] public string? ProposedCountryCode { get; set; }
    [Display(Name = "Category")] public DelegateCategory? Category { get; set; }
    [Display(Name = "Anything else about your needs")] public string? AccessNeeds { get; set; }
    /// <summary>Ticked access and dietary needs, by name (<see cref="Need"/>); parsed by <see cref="NeedNames.Parse"/>.</summary>
    public List<string>? Needs { get; set; }
    [Display(Name = "List me in the public list of participants")] public bool ConsentToPublicList { get; set; }
    public Guid? Version { get; set; }

    public static RegistrationInput From(Registration r) => new()
    {
        FullName = r.FullName, Position = r.Position, OrganisationId = r.OrganisationId,
        OrganisationNotListed = r.OrganisationId is null && r.ProposedOrganisationName is not null,
        ProposedOrganisationName = r.ProposedOrganisationName, ProposedSector = r.ProposedSector,
        ProposedCountryCode = r.ProposedCountryCode, Category = r.Category,
        AccessNeeds = r.AccessNeeds, Needs = r.Needs.Select(n => n.Need.ToString()).ToList(), ConsentToPublicList = r.ConsentToPublicList, Version = r.Version,
    };

    /// <summary>Copies the answers onto <paramref name="registration"/> and puts every broken rule into
    /// the page's model state under "Input.…", in the reader's language: the entity's own rules, plus that a chosen organisation is
    /// in the directory (the form's list can be tampered with or outdated).</summary>
    public async Task ApplyAsync(Registration registration, SummitDbContext db, PageModel page, CancellationToken ct = default)
    {
        // Said in the reader's language, values and all.
        void Error(string field, WeProtect.Summit.Data.Desks.DeskText message) =>
            page.ModelState.AddModelError(Key(field), Localization.Translations.Of(page.HttpContext, message));
        // Protocol (rank, minister) is never the delegate's to set, whatever is posted; a nominee's organisation and
        // place are the focal point's.
        var nominated = registration.NominationId is not null;
        registration.FullName = Text(FullName) ?? "";
        registration.Position = Text(Position) ?? "";
        // An unchosen category is not a defined one: the entity says so in its own words.
        if (!nominated) registration.Category = Category ?? (DelegateCategory)(-1);
        registration.AccessNeeds = Text(AccessNeeds?.Replace("\r\n", "\n"));
        registration.ConsentToPublicList = ConsentToPublicList;
        var (needs, needsError) = NeedNames.Parse(Needs);
        if (needsError is not null) Error(nameof(Needs), needsError);
        else registration.SetNeeds(needs);

        if (nominated)
        {
            foreach (var (field, message) in registration.Validate()) Error(field, message);
            return;
        }
        var proposed = OrganisationNotListed || (OrganisationId is null && Text(ProposedOrganisationName) is not null);
        if (proposed && OrganisationId is not null && OrganisationNotListed)
            Error(nameof(OrganisationId),
                "Either choose your organisation from the list or tick \"my organisation is not listed\", not both.");
        if (proposed)
        {
            registration.OrganisationId = null;
            registration.ProposedOrganisationName = Text(ProposedOrganisationName);
            registration.ProposedSector = ProposedSector;
            registration.ProposedCountryCode = Text(ProposedCountryCode)?.ToUpperInvariant();
        }
        else
        {
            registration.OrganisationId = OrganisationId;
            registration.ProposedOrganisationName = null;
            registration.ProposedSector = null;
            registration.ProposedCountryCode = null;
            if (OrganisationId is int id && !await db.Organisations.AnyAsync(o => o.Id == id, ct))
                Error(nameof(OrganisationId), "The chosen organisation is not in the directory. Choose it again from the list.");
        }

        foreach (var (field, message) in registration.Validate()) Error(field, message);
    }

    private static string Key(string field) => $"Input.{field}";

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
