using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Localization;

namespace WeProtect.Summit.Tests.Support;

/// <summary>The app with <see cref="MissingKeyMarker"/>: a text a view asks for that no resource holds shows as a marker.</summary>
public sealed class LocalizedAppFactory : SummitAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStringLocalizerFactory, MissingKeyMarker>());
    }

    /// <summary>A client whose browser asks for <paramref name="language"/> (Accept-Language).</summary>
    public static FormClient Speaking(FormClient client, string language)
    {
        client.Http.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.Http.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue(language));
        return client;
    }
}
