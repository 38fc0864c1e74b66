using System.Xml.Linq;

namespace WeProtect.Summit.Tests.Deployment;

/// <summary>No Docker engine runs here, so the image is checked by reading docker/Dockerfile: its restore layer copies
/// every project the web app builds from (a project missing there fails `dotnet publish --no-restore` in the image,
/// as the PostgreSQL migrations once did), and every file or folder it copies is in the repository and not left out
/// of the build context by .dockerignore.</summary>
public class DockerfileTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "WeProtect.Summit.slnx"))) folder = folder.Parent;
        return folder!.FullName;
    }

    /// <summary>The sources of each COPY in the build stage (not --from), in order, with whether the restore had run.</summary>
    private static List<(string Source, bool AfterRestore)> BuildStageCopies()
    {
        var copies = new List<(string, bool)>();
        var restored = false;
        foreach (var line in File.ReadLines(Path.Combine(Root, "docker", "Dockerfile")).Select(l => l.Trim()))
        {
            if (line.StartsWith("FROM ", StringComparison.Ordinal) && copies.Count > 0) break; // the runtime stage
            if (line.StartsWith("RUN dotnet restore", StringComparison.Ordinal)) restored = true;
            if (!line.StartsWith("COPY ", StringComparison.Ordinal) || line.Contains("--from", StringComparison.Ordinal)) continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            copies.AddRange(parts[1..^1].Select(source => (source.TrimEnd('/'), restored)));
        }
        return copies;
    }

    /// <summary>The web project and every project it references, directly or not, relative to the root.</summary>
    private static HashSet<string> ProjectsOfTheWebApp()
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.Combine(Root, "WeProtect.Summit.Web", "WeProtect.Summit.Web.csproj")]);
        while (pending.Count > 0)
        {
            var project = Path.GetFullPath(pending.Pop());
            if (!found.Add(Path.GetRelativePath(Root, project).Replace('\\', '/'))) continue;
            foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
                pending.Push(Path.Combine(Path.GetDirectoryName(project)!, reference.Attribute("Include")!.Value.Replace('\\', '/')));
        }
        return found;
    }

    [Fact]
    public void The_restore_layer_copies_every_project_the_web_app_builds_from()
    {
        var beforeRestore = BuildStageCopies().Where(c => !c.AfterRestore).Select(c => c.Source).ToHashSet(StringComparer.Ordinal);
        var projects = ProjectsOfTheWebApp();
        Assert.Equal(5, projects.Count); // the web app, the model and the three providers' migrations
        Assert.All(projects, project => Assert.Contains(project, beforeRestore));
    }

    [Fact]
    public void Everything_the_image_copies_is_in_the_repository_and_in_the_build_context()
    {
        var ignored = File.ReadLines(Path.Combine(Root, ".dockerignore")).Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var sources = BuildStageCopies().Select(c => c.Source)
            .Concat(File.ReadLines(Path.Combine(Root, "docker", "Dockerfile")).Select(l => l.Trim())
                .Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal))
                .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1].TrimEnd('/')))
            .Distinct().ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            Assert.True(File.Exists(Path.Combine(Root, source)) || Directory.Exists(Path.Combine(Root, source)), $"COPY {source}: not in the repository");
            Assert.DoesNotContain(ignored, pattern => !pattern.Contains('*') && (source == pattern.TrimEnd('/') || source.StartsWith(pattern.TrimEnd('/') + "/", StringComparison.Ordinal)));
        }
    }
}
