using System.ComponentModel.DataAnnotations;

namespace WeProtect.Summit.Data.Validation;

/// <summary><see cref="NameRule"/> on a form field: <c>[Name]</c> on a person's or organisation's name.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class NameAttribute(int maxLength = NameRule.MaxLength) : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext context) =>
        // The field's display name, already in the page's language, is not a desk text: the message stays as it was made.
        NameRule.Problem(value as string, "The " + context.DisplayName.ToLowerInvariant(), maxLength) is { } problem
            ? new ValidationResult(problem.ToString(), context.MemberName is null ? null : [context.MemberName])
            : ValidationResult.Success;
}
