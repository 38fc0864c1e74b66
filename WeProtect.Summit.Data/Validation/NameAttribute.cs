using System.ComponentModel.DataAnnotations;

namespace WeProtect.Summit.Data.Validation;

/// <summary><see cref="NameRule"/> on a form field: <c>[Name]</c> on a person's or organisation's name.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class NameAttribute(int maxLength = NameRule.MaxLength) : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext context) =>
        NameRule.Problem(value as string, $"The {context.DisplayName.ToLowerInvariant()}", maxLength) is { } problem
            ? new ValidationResult(problem, context.MemberName is null ? null : [context.MemberName])
            : ValidationResult.Success;
}
