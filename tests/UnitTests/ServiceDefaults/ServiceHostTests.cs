using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using SafetyReports.ServiceDefaults.Hosting;

namespace SafetyReports.UnitTests.ServiceDefaults;

public class ServiceHostTests
{
    [Fact]
    public void A_service_reads_its_configuration_files_without_watching_the_content_root()
    {
        var builder = ServiceHost.CreateBuilder([], defaultPort: 5999);

        var files = builder.Configuration.Sources.OfType<JsonConfigurationSource>().ToList();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.False(f.ReloadOnChange, $"{f.Path} is watched"));
    }

    [Fact]
    public void An_operator_who_asks_for_reloading_gets_it()
    {
        var builder = ServiceHost.CreateBuilder(["--hostBuilder:reloadConfigOnChange=true"], defaultPort: 5999);

        Assert.All(builder.Configuration.Sources.OfType<JsonConfigurationSource>(), f => Assert.True(f.ReloadOnChange));
    }

    [Theory]
    [InlineData(new string[0], new[] { "--hostBuilder:reloadConfigOnChange=false" })]
    [InlineData(new[] { "--urls", "http://127.0.0.1:1" }, new[] { "--urls", "http://127.0.0.1:1", "--hostBuilder:reloadConfigOnChange=false" })]
    [InlineData(new[] { "--hostBuilder:reloadConfigOnChange=true" }, new[] { "--hostBuilder:reloadConfigOnChange=true" })]
    public void Reloading_is_off_unless_the_command_line_says_otherwise(string[] args, string[] expected) =>
        Assert.Equal(expected, ServiceHost.WithoutConfigurationReload(args));
}
