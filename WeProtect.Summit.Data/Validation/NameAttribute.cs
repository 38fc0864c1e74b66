using System.ComponentModel.DataAnnotations;

namespace WeProtect.Summit.Data.Validation;

/// <summary><see cref="NameRule"/> on a form field: <c>[Name]</c> on a person's or organisation's name.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class NameAttribute(int maxLength = NameRule.MaxLength) : ValidationAttribute
{
    /// <summary>What the message is about, as it begins ("Your position"): an English text that has a translation.</summary>
    public string Subject { get; set; } = "This name";

    protected override ValidationResult? IsValid(object? value, ValidationContext context)
    {
        if (NameRule.Problem(value as string, Subject, maxLength) is not { } problem) return ValidationResult.Success;
        // Model validation passes the request's services: the message is said in the page's language.
        var message = context.GetService(typeof(IDeskTextTranslator)) is IDeskTextTranslator translator ? translator.Translate(problem) : problem.ToString();
        return new ValidationResult(message, context.MemberName is null ? null : [context.MemberName]);
    }
}
