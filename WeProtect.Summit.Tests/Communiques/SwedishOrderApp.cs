using System.Text;
using Microsoft.AspNetCore.Hosting;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Tests.Communiques;

/// <summary>The app with <c>Signing:Culture=sv-SE</c>, where "Ä" sorts after "Z" (in the invariant order it sorts
/// with "A").</summary>
public sealed class SwedishOrderApp : SummitAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Signing:Culture", "sv-SE");
    }
}
