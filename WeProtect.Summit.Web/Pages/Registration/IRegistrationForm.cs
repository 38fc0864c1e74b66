using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using WeProtect.Summit.Data.Geography;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Web.Pages.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>A page that shows the registration form (register, edit), for the shared _RegistrationFields partial.</summary>
public interface IRegistrationForm
{
    RegistrationInput Input { get; }
    RegistrationOptions Options { get; }
    /// <summary>True for a nominee: the organisation and place are the focal point's, not fields of the form.</summary>
    bool FixedByNomination => false;
    /// <summary>The summit's registration questions and the values to show in them.</summary>
    QuestionFields Questions { get; }
}
