using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace WeProtect.Summit.Tests.Support;

/// <summary>The app as an OS process of its own (<c>dotnet WeProtect.Summit.Web.dll</c> from the built output, real
/// Kestrel on 127.0.0.1 and a free port), configured through environment variables as a server is: for tests of
/// start-up and of several nodes sharing one database. Its console output is kept (<see cref="Output"/>); disposing
/// it kills it.</summary>
public sealed class NodeProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private NodeProcess(IReadOnlyDictionary<string, string> environment)
    {
        Port = FreePort();
        var web = WebProjectFolder();
        var dll = Path.Combine(web, "bin", BuildConfiguration(), "net10.0", "WeProtect.Summit.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"The app is not built at {dll}: build the solution first.");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(web);
        start.Environment["ASPNETCORE_URLS"] = BaseUrl;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public int Id => process.Id;
    public bool HasExited => process.HasExited;
    public int ExitCode => process.ExitCode;
    public string Output { get { lock (output) return output.ToString(); } }

    /// <summary>Starts the app; does not wait for it (see <see cref="WaitUntilReadyAsync"/>).</summary>
    public static NodeProcess Start(IReadOnlyDictionary<string, string> environment) => new(environment);

    /// <summary>Waits until /healthz answers, or fails with the process's output.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited) throw new Xunit.Sdk.XunitException($"The node exited with {process.ExitCode}:\n{Output}");
            try
            {
                if ((await http.GetAsync(BaseUrl + "/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new Xunit.Sdk.XunitException($"The node did not answer /healthz in time:\n{Output}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return process.ExitCode;
    }

    /// <summary>kill -9: no shutdown, no finally, no flush — as a machine that loses power.</summary>
    public void Kill() { if (!process.HasExited) process.Kill(entireProcessTree: true); }

    public void Dispose()
    {
        Kill();
        process.WaitForExit(10_000);
        process.Dispose();
    }

    private static string WebProjectFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "WeProtect.Summit.slnx"))) folder = folder.Parent;
        return folder is null ? throw new InvalidOperationException("The repository root (WeProtect.Summit.slnx) was not found.")
            : Path.Combine(folder.FullName, "WeProtect.Summit.Web");
    }

    /// <summary>Release or Debug, as the tests themselves were built (…/bin/Release/net10.0/).</summary>
    private static string BuildConfiguration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
