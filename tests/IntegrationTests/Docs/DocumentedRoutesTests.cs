using System.Text.RegularExpressions;
using SafetyReports.IntegrationTests.Authorization;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Docs;

/// <summary>
/// Every route Standalone maps (and so every route of every service) is in the API reference, docs/api.md, as a code span
/// <c>METHOD /path</c> (several methods separated by commas), and has a row in the <see cref="AuthorizationMatrix"/>;
/// and every route the reference names exists. A page (a route without a method) needs its <c>GET</c>.
/// </summary>
public sealed partial class DocumentedRoutesTests
{
    public const string ApiReference = "docs/api.md";

    /// <summary>Served by middleware, not by an endpoint: documented, but never in the endpoint data source.</summary>
    private static readonly HashSet<string> ServedByMiddleware =
    [
        "GET /.well-known/openid-configuration", // OpenIddict
        "GET /.well-known/jwks", // OpenIddict
        "GET /portal/signin-oidc", // the portal's OpenID Connect handler (authorization code callback)
        "GET /portal/signout-callback-oidc", // the same handler, after sign-out at Identity
        "GET /portal/signout-oidc", // the same handler, a sign-out started by Identity
    ];

    [Fact]
    public async Task Every_route_is_in_the_api_reference()
    {
        var documented = Documented();
        var missing = (await MappedRoutes.OfStandaloneAsync())
            .Where(r => !documented.Contains(Key(r.Method == "*" ? "GET" : r.Method, r.Path)))
            .Select(r => r.ToString()).Distinct().Order().ToList();
        Assert.True(missing.Count == 0, $"Routes missing from {ApiReference} (write each as `METHOD /path`):\n" + string.Join('\n', missing));
    }

    [Fact]
    public async Task Every_route_the_api_reference_names_exists()
    {
        var mapped = (await MappedRoutes.OfStandaloneAsync())
            .SelectMany(r => r.Method == "*" ? ["GET", "POST"] : new[] { r.Method }, (r, method) => Key(method, r.Path))
            .Concat(ServedByMiddleware.Select(m => Key(m.Split(' ')[0], m.Split(' ')[1])))
            .ToHashSet();
        var stale = Documented().Where(d => !mapped.Contains(d)).Order().ToList();
        Assert.True(stale.Count == 0, $"{ApiReference} names routes that no service maps:\n" + string.Join('\n', stale));
    }

    [Fact]
    public async Task Every_route_has_a_row_in_the_authorization_matrix_for_every_caller()
    {
        var listed = AuthorizationMatrix.Rows.Select(r => Key(r.Method, r.Path)).ToHashSet();
        var listedPaths = AuthorizationMatrix.Rows.Select(r => MappedRoutes.Shape(WithoutQuery(r.Path))).ToHashSet();
        var routes = await MappedRoutes.OfStandaloneAsync();

        Assert.NotEmpty(routes);
        // A page (no method metadata) needs at least one row; an API route needs its exact method.
        var missing = routes.Where(r => r.Method == "*" ? !listedPaths.Contains(MappedRoutes.Shape(r.Path)) : !listed.Contains(Key(r.Method, r.Path)))
            .Select(r => r.ToString()).Distinct().ToList();
        Assert.True(missing.Count == 0, "Routes missing from tests/IntegrationTests/Authorization/AuthorizationMatrix.cs:\n" + string.Join('\n', missing));
        Assert.All(AuthorizationMatrix.Rows, row => Assert.Equal(Enum.GetValues<Caller>().Order(), row.Expected.Keys.Order()));
    }

    /// <summary>Every <c>METHOD /path</c> the reference names, as shaped keys.</summary>
    private static HashSet<string> Documented() =>
        MarkdownDocument.Load(ApiReference).CodeSpans()
            .Select(span => RouteSpan().Match(span))
            .Where(m => m.Success)
            .SelectMany(m => m.Groups["methods"].Value.Split(',', StringSplitOptions.TrimEntries), (m, method) => Key(method, m.Groups["path"].Value))
            .ToHashSet();

    private static string Key(string method, string path) => $"{method} {MappedRoutes.Shape(WithoutQuery(path))}";

    private static string WithoutQuery(string path) => path.Split('?')[0];

    [GeneratedRegex(@"^(?<methods>(?:GET|POST|PUT|PATCH|DELETE)(?:, ?(?:GET|POST|PUT|PATCH|DELETE))*) (?<path>/\S*)$")]
    private static partial Regex RouteSpan();
}
