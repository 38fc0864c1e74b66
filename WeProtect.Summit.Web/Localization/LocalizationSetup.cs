using Microsoft.AspNetCore.Localization;
using WeProtect.Summit.Data.Languages;

namespace WeProtect.Summit.Web.Localization;

/// <summary>Resource files for the whole app, one provider that chooses the language (<see cref="SummitCultureProvider"/>).</summary>
public static class LocalizationSetup
{
    public static IServiceCollection AddSummitLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SupportedUICultures = InterfaceLanguages.All.Select(l => CultureInfo.GetCultureInfo(l.Code)).ToList();
            o.SupportedCultures = InterfaceLanguages.All.Select(l => CultureInfo.GetCultureInfo(l.FormattingCulture)).ToList();
            o.DefaultRequestCulture = new RequestCulture(InterfaceLanguages.Get(InterfaceLanguages.Default).FormattingCulture, InterfaceLanguages.Default);
            o.FallBackToParentCultures = false;
            o.FallBackToParentUICultures = false;
            o.RequestCultureProviders = [new SummitCultureProvider()];
        });
        return services;
    }

    /// <summary>The data-annotation labels and messages ([Display], ErrorMessage, and the framework's own wording for
    /// attributes without one: <see cref="DefaultValidationMessages"/>, <see cref="ModelBindingMessages"/>) read the
    /// shared resources too. A label without a translation stays in English (<see cref="Translations.OrKey"/>).</summary>
    public static IMvcBuilder AddSummitDataAnnotationsLocalization(this IMvcBuilder mvc)
    {
        // After MVC's own configuration, which adds the provider that lists the validation attributes.
        mvc.Services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().PostConfigure<Microsoft.Extensions.Localization.IStringLocalizerFactory>((o, factory) =>
        {
            o.ModelMetadataDetailsProviders.Add(new DefaultValidationMessages());
            ModelBindingMessages.Localize(o, factory);
        });
        return mvc.AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider =
            (_, factory) => new LenientLocalizer(factory.Create(typeof(SharedResource))));
    }

    /// <summary>After authentication (the user's preference) and routing (the summit in the address).</summary>
    public static IApplicationBuilder UseSummitLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();
}
