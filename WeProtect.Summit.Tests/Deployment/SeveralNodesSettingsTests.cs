using Microsoft.Extensions.Configuration;
using WeProtect.Summit.Web.Infrastructure;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Tests.Deployment;

/// <summary>With Deployment:Nodes above 1, a node never makes for itself what the nodes must share: it refuses to
/// start without a server database, a configured signing certificate and a configured key certificate, saying so.</summary>
public class SeveralNodesSettingsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) => new ConfigurationBuilder()
        .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void One_node_needs_nothing_shared()
    {
        Assert.Null(DeploymentSettings.Refusal(Settings()));
        Assert.Null(DeploymentSettings.Refusal(Settings(("Deployment:Nodes", "1"))));
    }

    [Fact]
    public void Several_nodes_without_shared_certificates_and_database_are_refused_with_each_reason()
    {
        var refusal = DeploymentSettings.Refusal(Settings(("Deployment:Nodes", "2")));
        Assert.NotNull(refusal);
        Assert.Contains("Database:Provider must be Postgres or SqlServer", refusal);
        Assert.Contains("Communiques:Certificate:Path", refusal);
        Assert.Contains("a development certificate is never created per node", refusal);
        Assert.Contains("DataProtection:Certificate:Path", refusal);
        Assert.Contains("give the number of app instances", DeploymentSettings.Refusal(Settings(("Deployment:Nodes", "two"))));
    }

    [Fact]
    public void Several_nodes_with_everything_shared_start()
    {
        Assert.Null(DeploymentSettings.Refusal(Settings(("Deployment:Nodes", "2"), ("Database:Provider", "Postgres"),
            ("ConnectionStrings:Summit", "Host=db;Database=summit"), ("Communiques:Certificate:Path", "/run/secrets/signing.pfx"),
            ("DataProtection:Certificate:Path", "/run/secrets/keys.pfx"))));
    }

    [Fact]
    public void A_node_of_several_never_signs_with_a_certificate_of_its_own_making()
    {
        var folder = Path.Combine(Path.GetTempPath(), "weprotect-summit-tests", Guid.NewGuid().ToString("N"));
        var data = DataFolder.FromConfiguration(Settings(("Storage:DataFolder", folder)));
        var certificates = new SigningCertificates(Settings(("Deployment:Nodes", "3")), data);
        var refused = Assert.Throws<SigningCertificateException>(() => certificates.Current());
        Assert.Contains("never created per node", refused.Message);
        Assert.False(File.Exists(certificates.DevelopmentPfxPath));
    }

    [Fact]
    public async Task The_app_refuses_to_start_as_one_of_several_nodes_and_says_why()
    {
        var folder = Path.Combine(Path.GetTempPath(), "weprotect-summit-tests", Guid.NewGuid().ToString("N"));
        using var node = NodeProcess.Start(new Dictionary<string, string> { ["Deployment__Nodes"] = "2", ["Storage__DataFolder"] = folder });
        var exit = await node.WaitForExitAsync(TimeSpan.FromSeconds(90));
        Assert.Equal(2, exit);
        Assert.Contains("will not start as one of 2 nodes", node.Output);
        Assert.Contains("Communiques:Certificate:Path", node.Output);
        Assert.False(Directory.Exists(Path.Combine(folder, "certificates")));
    }
}
