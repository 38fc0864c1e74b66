using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace WeProtect.Summit.Web.Infrastructure;

/// <summary>Binds every posted or queried string like the framework, with its line breaks as "\n". Browsers send a
/// textarea's breaks as "\r\n" but count each as one character against <c>maxlength</c>: without this, a declaration
/// the browser let through at its limit would be refused as too long, and texts would be stored with either break.
/// Placed just before the framework's simple-type provider, so that headers and bodies keep their own binders.</summary>
public sealed class LineBreakModelBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext context)
    {
        await inner.BindModelAsync(context);
        if (context.Result.IsModelSet && context.Result.Model is string text && text.Contains('\r'))
            context.Result = ModelBindingResult.Success(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
    }

    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.ModelType == typeof(string)
                ? new LineBreakModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
                : null;

        /// <summary>Registers the provider just before the framework's simple-type one.</summary>
        public static void Register(IList<IModelBinderProvider> providers)
        {
            var simple = providers.Select((p, i) => (p, i)).First(x => x.p is SimpleTypeModelBinderProvider).i;
            providers.Insert(simple, new Provider());
        }
    }
}
