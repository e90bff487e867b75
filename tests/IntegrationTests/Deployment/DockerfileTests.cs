using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SafetyReports.IntegrationTests.Deployment;

/// <summary>
/// The one image recipe (the root Dockerfile, the build argument SERVICE naming the project): multi-stage, cached
/// restore, non-root, listening on PORT, self-probing, and able to build every service of the topology.
/// </summary>
[Trait("Speed", "Slow")]
public sealed partial class DockerfileTests
{
    private sealed record Instruction(string Keyword, string Arguments);

    /// <summary>Every project the topology table builds an image of (docs/architecture.md).</summary>
    public static TheoryData<string> RunnableServices => new(Topology.Rows.Select(r => r.Project));

    [Fact]
    public void Image_builds_on_the_SDK_and_runs_on_the_ASP_NET_runtime()
    {
        var froms = Instructions().Where(i => i.Keyword == "FROM").Select(i => i.Arguments).ToList();

        Assert.True(froms.Count >= 2, "The Dockerfile should have a build stage and a runtime stage.");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", froms[0]);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", froms[^1]);
    }

    [Fact]
    public void Image_runs_as_a_non_root_user()
    {
        var user = FinalStage().LastOrDefault(i => i.Keyword == "USER")?.Arguments;

        Assert.False(string.IsNullOrWhiteSpace(user), "The runtime stage should set USER.");
        var name = user.Split(':')[0].Trim();
        Assert.DoesNotContain(name, new[] { "root", "0" });
    }

    [Fact]
    public void The_service_is_a_required_build_argument_that_restore_and_publish_use()
    {
        var buildStage = BuildStage();

        Assert.Contains(buildStage, i => i.Keyword == "ARG" && i.Arguments == "SERVICE");
        Assert.Contains(buildStage, i => i.Keyword == "RUN" && i.Arguments.StartsWith("test -n \"$SERVICE\"", StringComparison.Ordinal));
        foreach (var step in new[] { "dotnet restore", "dotnet publish" })
        {
            var run = buildStage.SingleOrDefault(i => i.Keyword == "RUN" && i.Arguments.Contains(step, StringComparison.Ordinal));
            Assert.True(run is not null, $"The build stage should run {step}.");
            Assert.Contains("\"services/$SERVICE/SafetyReports.$SERVICE.csproj\"", run.Arguments);
        }
    }

    [Fact]
    public void Image_listens_on_the_PORT_argument_which_defaults_to_8080()
    {
        var final = FinalStage();

        Assert.Contains(final, i => i.Keyword == "ARG" && i.Arguments == "PORT=8080");
        Assert.Equal("${PORT}", Environment(final).GetValueOrDefault("ASPNETCORE_HTTP_PORTS"));
        Assert.Equal("${PORT}", final.LastOrDefault(i => i.Keyword == "EXPOSE")?.Arguments);
    }

    [Theory]
    [MemberData(nameof(RunnableServices))]
    public void Image_starts_and_probes_the_assembly_of_the_service_it_was_built_for(string project)
    {
        var final = FinalStage();
        var assembly = Environment(final).GetValueOrDefault("SAFETYREPORTS_ASSEMBLY");
        var entryPoint = final.LastOrDefault(i => i.Keyword == "ENTRYPOINT")?.Arguments;
        var healthCheck = final.LastOrDefault(i => i.Keyword == "HEALTHCHECK")?.Arguments;

        Assert.Contains(final, i => i.Keyword == "ARG" && i.Arguments == "SERVICE");
        Assert.Equal($"SafetyReports.{project}.dll", assembly?.Replace("${SERVICE}", project, StringComparison.Ordinal));
        Assert.Null(XDocument.Load(RepositoryLayout.ProjectFile(project)).Descendants("AssemblyName").FirstOrDefault());
        Assert.NotNull(entryPoint);
        Assert.Contains("exec dotnet \\\"$SAFETYREPORTS_ASSEMBLY\\\"", entryPoint);
        Assert.NotNull(healthCheck);
        Assert.Contains("dotnet \"$SAFETYREPORTS_ASSEMBLY\" --probe \"http://127.0.0.1:$ASPNETCORE_HTTP_PORTS/health/ready\"", healthCheck);
    }

    [Fact]
    public void Restore_runs_on_project_files_alone_so_its_layer_is_cached()
    {
        var buildStage = BuildStage();
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
        var buildStage = BuildStage();
        var restore = buildStage.FindIndex(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet restore", StringComparison.Ordinal));
        var copiedBeforeRestore = CopiedSources(buildStage.Take(restore));
        var copied = CopiedSources(buildStage);
        var missing = new List<string>();
        foreach (var folder in ReferencedProjectFolders(project))
        {
            var projectFile = $"services/{folder}/SafetyReports.{folder}.csproj";
            if (!copiedBeforeRestore.Contains(projectFile)) missing.Add(projectFile + " (before restore)");
            if (!copied.Contains($"services/{folder}/")) missing.Add($"services/{folder}/");
        }

        Assert.Empty(missing);
    }

    private static HashSet<string> CopiedSources(IEnumerable<Instruction> instructions) =>
        instructions.Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(i => CopySources(i.Arguments))
            .ToHashSet();

    /// <summary>The ENV assignments of a stage (KEY=VALUE pairs, several per instruction).</summary>
    private static Dictionary<string, string> Environment(IEnumerable<Instruction> stage) =>
        stage.Where(i => i.Keyword == "ENV")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1]);

    private static List<Instruction> BuildStage() =>
        Instructions().TakeWhile((i, index) => index == 0 || i.Keyword != "FROM").ToList();

    private static List<Instruction> Instructions()
    {
        var path = RepositoryLayout.Dockerfile;
        Assert.True(File.Exists(path), "The Dockerfile at the repository root does not exist.");

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

    private static List<Instruction> FinalStage()
    {
        var instructions = Instructions();
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
