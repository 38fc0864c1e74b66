using Microsoft.AspNetCore.Hosting;
using WeProtect.Summit.Web.Accounts;

namespace WeProtect.Summit.Tests.Accounts;

/// <summary>The app as production runs it in this respect: organisers and administrators need a session that used
/// two-step verification (<see cref="StaffTwoStep"/>). The other tests' app leaves it optional, as outside production.</summary>
public sealed class StaffTwoStepAppFactory : SummitAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(StaffTwoStep.SettingKey, "Required");
    }
}
