using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace WeProtect.Summit.Web.Localization;

/// <summary>Gives every validation attribute written without a message (and the [Required] MVC adds by itself) the
/// framework's English wording as its <see cref="ValidationAttribute.ErrorMessage"/>, so that data-annotations
/// localization translates it like any other message: without one, the framework formats its built-in English
/// template around a translated field name ("The الاسم field is required."). Runs after MVC's own provider, which
/// puts the attributes into <see cref="ValidationMetadata.ValidatorMetadata"/>.</summary>
public sealed class DefaultValidationMessages : IValidationMetadataProvider
{
    public const string Required = "The {0} field is required.";
    public const string MaximumLength = "The field {0} must be a string with a maximum length of {1}.";
    public const string LengthBetween = "The field {0} must be a string with a minimum length of {2} and a maximum length of {1}.";
    public const string EmailAddress = "The {0} field is not a valid e-mail address.";
    public const string Between = "The field {0} must be between {1} and {2}.";
    public const string Matching = "'{0}' and '{1}' do not match.";

    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (!string.IsNullOrEmpty(attribute.ErrorMessage) || attribute.ErrorMessageResourceType is not null) continue;
            attribute.ErrorMessage = attribute switch
            {
                RequiredAttribute => Required,
                StringLengthAttribute { MinimumLength: > 0 } => LengthBetween,
                StringLengthAttribute => MaximumLength,
                EmailAddressAttribute => EmailAddress,
                RangeAttribute => Between,
                CompareAttribute => Matching,
                _ => attribute.ErrorMessage,
            };
        }
    }
}
