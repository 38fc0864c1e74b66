using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>Binds <c>bool</c> and <c>bool?</c> like the framework, except that a value other than true/false (a
/// crafted <c>RememberMe=maybe</c>) is a model error whose recorded attempt is "false". The framework's binder keeps
/// the raw value, and the checkbox tag helper that shows the form again then throws converting it to a bool: a 500
/// instead of a message. Registered first, for every form (see <see cref="Provider"/>).</summary>
public sealed class SafeBooleanModelBinder(bool nullable) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var values = context.ValueProvider.GetValue(context.ModelName);
        if (values == ValueProviderResult.None) return Task.CompletedTask;
        // A checkbox posts "true" and its hidden "false": the first value decides, as in the framework.
        var first = values.FirstValue;
        if (string.IsNullOrWhiteSpace(first))
        {
            context.ModelState.SetModelValue(context.ModelName, values);
            if (nullable) context.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }
        if (bool.TryParse(first.Trim(), out var parsed))
        {
            context.ModelState.SetModelValue(context.ModelName, values);
            context.Result = ModelBindingResult.Success(parsed);
            return Task.CompletedTask;
        }
        context.ModelState.SetModelValue(context.ModelName, new ValueProviderResult("false"));
        // The display name is translated already (data-annotation localization); the sentence around it here.
        context.ModelState.TryAddModelError(context.ModelName,
            Localization.Translations.OrKey(context.HttpContext, "Choose yes or no for {0}.", context.ModelMetadata.GetDisplayName()));
        context.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }

    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.ModelType == typeof(bool) ? new SafeBooleanModelBinder(false)
            : context.Metadata.ModelType == typeof(bool?) ? new SafeBooleanModelBinder(true)
            : null;
    }
}
