using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using WeProtect.Summit.Web.Accounts;

namespace WeProtect.Summit.Web.Infrastructure;

public static class StartupTasks
{
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }

    /// <summary>While no administrator exists, prints the one-time link that creates the first one.</summary>
    public static async Task AnnounceFirstAdminSetupAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SummitUser>>();
        var token = await app.Services.GetRequiredService<FirstAdminSetup>().IssueIfNoAdminAsync(users);
        if (token is null) return;
        var address = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? "http://localhost:5000";
        address = address.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost");
        // Console, not only the log: this is the hand-over of the first account, meant for the person starting the app.
        Console.WriteLine();
        Console.WriteLine("  No administrator exists yet. Open this one-time link to create the first account:");
        Console.WriteLine($"  {address.TrimEnd('/')}/Setup?token={token}");
        Console.WriteLine();
    }
}
