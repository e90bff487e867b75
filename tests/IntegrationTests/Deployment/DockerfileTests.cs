using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SafetyReports.IntegrationTests.Deployment;

/// <summary>Each runnable service's image: multi-stage, cached restore, non-root, self-probing.</summary>
[Trait("Speed", "Slow")]
public sealed partial class DockerfileTests
{
    private sealed record Instruction(string Keyword, string Arguments);

    public static TheoryData<string> RunnableServices => new() { "Identity", "Intake", "Triage", "Notification", "Portal", "Standalone" };

    [Theory]
    [MemberData(nameof(RunnableServices))]
    public void Image_builds_on_the_SDK_and_runs_on_the_ASP_NET_runtime(string project)
    {
        var froms = Instructions(project).Where(i => i.Keyword == "FROM").Select(i => i.Arguments).ToList();

        Assert.True(froms.Count >= 2, "The Dockerfile should have a build stage and a runtime stage.");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", froms[0]);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", froms[^1]);
    }

    [Theory]
    [MemberData(nameof(RunnableServices))]
    public void Image_runs_as_a_non_root_user(string project)
    {
        var user = FinalStage(project).LastOrDefault(i => i.Keyword == "USER")?.Arguments;

        Assert.False(string.IsNullOrWhiteSpace(user), "The runtime stage should set USER.");
        var name = user.Split(':')[0].Trim();
        Assert.DoesNotContain(name, new[] { "root", "0" });
    }

    [Theory]
    [MemberData(nameof(RunnableServices))]
    public void Image_health_check_probes_readiness_with_the_service_binary(string project)
    {
        var healthCheck = FinalStage(project).LastOrDefault(i => i.Keyword == "HEALTHCHECK")?.Arguments;

        Assert.NotNull(healthCheck);
        Assert.Contains($"SafetyReports.{project}.dll", healthCheck);
        Assert.Contains("--probe", healthCheck);
        Assert.Contains("/health/ready", healthCheck);
    }

    [Theory]
    [MemberData(nameof(RunnableServices))]
    public void Image_starts_the_service(string project)
    {
        var entryPoint = FinalStage(project).LastOrDefault(i => i.Keyword == "ENTRYPOINT")?.Arguments;

        Assert.NotNull(entryPoint);
        Assert.Contains($"SafetyReports.{project}.dll", entryPoint);
    }

    [Theory]
    [MemberData(nameof(RunnableServices))]
    public void Restore_runs_on_project_files_alone_so_its_layer_is_cached(string project)
    {
        var buildStage = Instructions(project).TakeWhile((i, index) => index == 0 || i.Keyword != "FROM").ToList();
        var restore = buildStage.FindIndex(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet restore", StringComparison.Ordinal));

        Assert.True(restore > 0, "The build stage should run dotnet restore.");
        var copiedBeforeRestore = buildStage.Take(restore)
            .Where(i => i.Keyword == "COPY")
            .SelectMany(i => CopySources(i.Arguments))
            .ToList();
        Assert.NotEmpty(copiedBeforeRestore);
        Assert.All(copiedBeforeRestore, source => Assert.True(
            source.EndsWith(".csproj", StringComparison.Ordinal) || source.EndsWith(".props", StringComparison.Ordinal)
                || source == "global.json",
            $"'{source}' is copied before restore: any change to it would invalidate the restore layer."));
        foreach (var required in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" })
        {
            Assert.Contains(required, copiedBeforeRestore);
        }
    }

    [Theory]
    [MemberData(nameof(RunnableServices))]
    public void Every_project_the_service_references_is_copied_into_the_build(string project)
    {
        var copied = Instructions(project).Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(i => CopySources(i.Arguments))
            .ToHashSet();
        var missing = new List<string>();
        foreach (var folder in ReferencedProjectFolders(project))
        {
            var projectFile = $"services/{folder}/SafetyReports.{folder}.csproj";
            if (!copied.Contains(projectFile)) missing.Add(projectFile);
            if (!copied.Contains($"services/{folder}/")) missing.Add($"services/{folder}/");
        }

        Assert.Empty(missing);
    }

    private static List<Instruction> Instructions(string project)
    {
        var path = RepositoryLayout.Dockerfile(project);
        Assert.True(File.Exists(path), $"services/{project}/Dockerfile does not exist.");

        var instructions = new List<Instruction>();
        var pending = "";
        foreach (var rawLine in File.ReadAllLines(path))
        {
            var line = rawLine.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var whole = (pending + line).Trim();
            pending = "";
            if (whole.Length == 0)
            {
                continue;
            }

            var space = whole.IndexOfAny([' ', '\t']);
            instructions.Add(space < 0
                ? new Instruction(whole.ToUpperInvariant(), "")
                : new Instruction(whole[..space].ToUpperInvariant(), Whitespace().Replace(whole[(space + 1)..].Trim(), " ")));
        }

        return instructions;
    }

    private static List<Instruction> FinalStage(string project)
    {
        var instructions = Instructions(project);
        var lastFrom = instructions.FindLastIndex(i => i.Keyword == "FROM");
        return instructions.Skip(Math.Max(lastFrom, 0)).ToList();
    }

    /// <summary>The sources of a shell-form COPY (every argument but the destination and the flags).</summary>
    private static IEnumerable<string> CopySources(string arguments)
    {
        var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("--", StringComparison.Ordinal)).ToList();
        return parts.Count < 2 ? [] : parts.Take(parts.Count - 1);
    }

    /// <summary>The service's own folder and every folder under services/ that it references, transitively.</summary>
    private static IReadOnlyCollection<string> ReferencedProjectFolders(string project)
    {
        var folders = new HashSet<string>();
        var pending = new Stack<string>([project]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            if (!folders.Add(folder))
            {
                continue;
            }

            var references = XDocument.Load(RepositoryLayout.ProjectFile(folder)).Descendants("ProjectReference")
                .Select(r => (string?)r.Attribute("Include"))
                .OfType<string>();
            foreach (var reference in references)
            {
                // "../ServiceDefaults/SafetyReports.ServiceDefaults.csproj" → "ServiceDefaults"
                var referenced = Path.GetFileName(Path.GetDirectoryName(reference.Replace('\\', '/')));
                if (!string.IsNullOrEmpty(referenced))
                {
                    pending.Push(referenced);
                }
            }
        }

        return folders;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
