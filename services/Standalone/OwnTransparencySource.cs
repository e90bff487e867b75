using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SafetyReports.Intake.Transparency;

namespace SafetyReports.Standalone;

/// <summary>
/// In one process the public page reads the transparency figures from the Triage beside it, through this
/// process's own listening address (wildcard hosts become loopback). The address is read once the server
/// listens, so <c>--urls</c>, <c>ASPNETCORE_HTTP_PORTS</c> and port 0 all work without configuration.
/// </summary>
public sealed class OwnTransparencySource(IServer server) : ITransparencySourceAddress
{
    private Uri? _address;

    /// <summary>Remembered once the server listens; before that (nothing is served yet) Standalone's default port, not remembered.</summary>
    public Uri BaseAddress => _address ?? Remember(Resolve(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []));

    private static Uri Fallback => new($"http://localhost:{StandaloneApp.DefaultPort}/");

    private Uri Remember(Uri? own) => own is null ? Fallback : _address = own;

    /// <summary>The first plain-HTTP address (a loopback call needs no certificate), else the first; wildcards as loopback.</summary>
    public static Uri? Resolve(IEnumerable<string> addresses)
    {
        var parsed = addresses.Select(a => Uri.TryCreate(a.Replace("://+", "://0.0.0.0").Replace("://*", "://0.0.0.0"), UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>().ToList();
        var chosen = parsed.FirstOrDefault(u => u.Scheme == Uri.UriSchemeHttp) ?? parsed.FirstOrDefault();
        if (chosen is null)
        {
            return null;
        }

        var host = chosen.Host switch
        {
            "0.0.0.0" => "127.0.0.1",
            "[::]" or "::" => "[::1]",
            _ => chosen.Host,
        };
        return new UriBuilder(chosen.Scheme, host, chosen.Port, "/").Uri;
    }
}
