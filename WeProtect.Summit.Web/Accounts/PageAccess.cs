using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace WeProtect.Summit.Web.Accounts;

/// <summary>Who may open which page, in one place. Every page must be named here, by its folder or itself:
/// the authorization test fails for a page that is not.</summary>
public static class PageAccess
{
    /// <summary>The one management page that check-in staff may open (for their summit only).</summary>
    public const string CheckInPage = "/Registration/Manage/CheckIn";

    public static void AddSummitPolicies(this Microsoft.AspNetCore.Authorization.AuthorizationBuilder auth) => auth
        .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
        .AddPolicy(Policies.Organiser, p => p.RequireRole(Roles.Organiser, Roles.Admin))
        .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
        // A page that forgets its policy is closed, not open.
        .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

    public static void Apply(RazorPagesOptions options)
    {
        var c = options.Conventions;
        // Public pages
        c.AllowAnonymousToPage("/Index");
        c.AllowAnonymousToPage("/Error");
        c.AllowAnonymousToPage("/Setup");
        c.AllowAnonymousToPage("/Accessibility");
        // The language switcher: anyone may choose a language.
        c.AllowAnonymousToPage("/Language");
        c.AllowAnonymousToFolder("/Account");
        c.AllowAnonymousToPage("/Summits/Index");
        c.AllowAnonymousToPage("/Summits/Details");
        c.AllowAnonymousToPage("/Organisations/Index");
        c.AllowAnonymousToPage("/Summits/Participants");
        c.AllowAnonymousToPage("/Breakouts/Agenda");
        c.AllowAnonymousToPage("/Breakouts/Session");
        // A document download: public ones to anyone, delegates-only ones checked in the handler (404 otherwise).
        c.AllowAnonymousToPage("/Breakouts/Material");
        c.AllowAnonymousToPage("/Signing/AgreedBy");
        // Anonymous only once final: the page answers 404 for earlier statuses.
        c.AllowAnonymousToPage("/Statements/Text");
        c.AllowAnonymousToPage("/Communiques/Index");
        c.AllowAnonymousToPage("/Communiques/Details");
        c.AllowAnonymousToPage("/Communiques/Verify");
        // Anonymous once the statement is published; organisers at any time (checked in the handler).
        c.AllowAnonymousToPage("/Communiques/Signatories");
        // Anonymous once organisers publish the cycle: the page answers 404 before.
        c.AllowAnonymousToPage("/Reporting/Progress");
        c.AllowAnonymousToPage("/Organisations/Members");
        c.AllowAnonymousToPage("/Reporting/Commitment");
        // Public: shows published cycles only.
        c.AllowAnonymousToPage("/Reporting/Member");
        // A report's PDF: to anyone when the cycle is published and the report's narratives are public; to the
        // organisation's focal points and organisers otherwise (checked in the handler, 404 for everyone else).
        c.AllowAnonymousToPage("/Reporting/Attachment");
        // Signed-in users
        // Profile/Data: the signed-in user's own data (download, erasure request); nobody else's.
        c.AuthorizeFolder("/Profile", Policies.SignedIn);
        c.AuthorizeFolder("/Registration", Policies.SignedIn);
        // Accreditation (the owner only, 404 otherwise); Photo (the owner, organisers and the summit's check-in staff,
        // checked in the handler); VisaLetter (the owner and organisers). Manage/VisaLetters is an organisers' page (below).
        c.AuthorizeFolder("/Breakouts/Bookings", Policies.SignedIn);
        // A breakout's facilitators (and organisers): the handlers answer 403 to anyone else.
        c.AuthorizeFolder("/Breakouts/Facilitate", Policies.SignedIn);
        // Signatories; the handlers check the authority for the organisation (403 otherwise).
        c.AuthorizeFolder("/Signing", Policies.SignedIn);
        // Reporting focal points; the handlers check the focal point's grant for the organisation (403 otherwise).
        c.AuthorizeFolder("/Reporting", Policies.SignedIn);
        // Consulted members (ConsultationRoster) and organisers; the page refuses everyone else.
        c.AuthorizePage("/Statements/Consult", Policies.SignedIn);
        // Organisers
        // Summits/Manage: Index, Summit (one summit's management home: status, figures, links to every area), Edit,
        // Retention (what personal data is erased when; keep it longer).
        c.AuthorizeFolder("/Summits/Manage", Policies.Organiser);
        c.AuthorizeFolder("/Organisations/Manage", Policies.Organiser);
        // Registration/Manage: vetting queue, quotas, attendance, badges, check-in staff, messages to delegates and
        // their history. Every page but the check-in desk, which check-in staff of the summit also work: signed-in
        // users there, and the page answers 403 to anyone who is neither an organiser nor granted that summit.
        c.AddFolderApplicationModelConvention("/Registration/Manage", page =>
            page.EndpointMetadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(
                page.ViewEnginePath == CheckInPage ? Policies.SignedIn : Policies.Organiser)));
        // Invitations: Accept (the link's owner, checked against the address), Delegation (the focal point or
        // organisers; 403 otherwise), NominationAddress (the focal point corrects a nominee's address: 404 for a
        // nomination of another invitation, 403 to anyone else, organisers sent to Manage/NominationAddress);
        // Manage/ organisers (Index, Protocol, Revoke: the confirmation before revoking).
        c.AuthorizeFolder("/Invitations", Policies.SignedIn);
        c.AuthorizeFolder("/Invitations/Manage", Policies.Organiser);
        c.AuthorizeFolder("/Breakouts/Manage", Policies.Organiser);
        // Statements/Manage: Index, Edit, Compare, Amendments, Import (from Word), Translations, Record (endorsements as printed).
        c.AuthorizeFolder("/Statements/Manage", Policies.Organiser);
        c.AuthorizeFolder("/Signing/Manage", Policies.Organiser);
        c.AuthorizeFolder("/Outbox", Policies.Organiser);
        c.AuthorizeFolder("/Communiques/Manage", Policies.Organiser);
        c.AuthorizeFolder("/Reporting/Manage", Policies.Organiser);
        // Administrators
        // Admin/Erasure: carrying out users' erasure requests.
        c.AuthorizeFolder("/Admin", Policies.Admin);
    }
}
