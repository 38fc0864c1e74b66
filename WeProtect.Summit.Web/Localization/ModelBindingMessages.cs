using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace WeProtect.Summit.Web.Localization;

/// <summary>The messages model binding gives for a value it cannot read (a letter in a number field, an empty date),
/// in the request's language: the framework's English wording, looked up in the shared resources when the error is
/// made.</summary>
public static class ModelBindingMessages
{
    public static void Localize(MvcOptions options, IStringLocalizerFactory factory)
    {
        var l = new LenientLocalizer(factory.Create(typeof(SharedResource)));
        var m = options.ModelBindingMessageProvider;
        m.SetMissingBindRequiredValueAccessor(name => l["A value for the '{0}' parameter or property was not provided.", name]);
        m.SetMissingKeyOrValueAccessor(() => l["A value is required."]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => l["A non-empty request body is required."]);
        m.SetValueMustNotBeNullAccessor(value => l["The value '{0}' is invalid.", value]);
        m.SetAttemptedValueIsInvalidAccessor((value, name) => l["The value '{0}' is not valid for {1}.", value, name]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["The value '{0}' is not valid.", value]);
        m.SetUnknownValueIsInvalidAccessor(name => l["The supplied value is invalid for {0}.", name]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["The supplied value is invalid."]);
        m.SetValueIsInvalidAccessor(value => l["The value '{0}' is invalid.", value]);
        m.SetValueMustBeANumberAccessor(name => l["The field {0} must be a number.", name]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => l["The field must be a number."]);
    }
}
