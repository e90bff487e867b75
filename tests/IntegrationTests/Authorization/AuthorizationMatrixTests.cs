using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;

namespace SafetyReports.IntegrationTests.Authorization;

/// <summary>The whole <see cref="AuthorizationMatrix"/> against a Standalone system, and a check that it lists every endpoint.</summary>
public sealed partial class AuthorizationMatrixTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_the_matrix_says()
    {
        var mismatches = new List<string>();
        foreach (var row in AuthorizationMatrix.Rows)
        {
            foreach (var (caller, expected) in row.Expected)
            {
                using var response = await fixture.SendAsync(caller, row);
                var location = response.Headers.Location?.OriginalString;
                var status = (int)response.StatusCode;
                if (status != expected.Status || !RedirectMatches(expected, location))
                {
                    mismatches.Add($"{row} as {caller}: expected {expected}, got {status}{(location is null ? "" : " → " + location)}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches:\n{string.Join('\n', mismatches)}");
    }

    [Fact]
    public void The_matrix_has_a_row_for_every_endpoint_and_every_caller()
    {
        var listed = AuthorizationMatrix.Rows.Select(r => $"{r.Method} {Shape(r.Path)}").ToHashSet();
        var listedPaths = AuthorizationMatrix.Rows.Select(r => Shape(r.Path)).ToHashSet();
        var routes = fixture.System.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => (Method: method, Path: Shape("/" + e.RoutePattern.RawText!.TrimStart('/')))))
            .ToList();

        Assert.NotEmpty(routes);
        // A page (no method metadata) needs at least its GET; an API route needs its exact method.
        var missing = routes.Where(r => r.Method == "*" ? !listedPaths.Contains(r.Path) : !listed.Contains($"{r.Method} {r.Path}"))
            .Select(r => $"{r.Method} {r.Path}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Endpoints missing from the matrix:\n" + string.Join('\n', missing));
        Assert.All(AuthorizationMatrix.Rows, row => Assert.Equal(Enum.GetValues<Caller>().Order(), row.Expected.Keys.Order()));
    }

    private static bool RedirectMatches(Outcome expected, string? location)
    {
        if (expected.RedirectTo is null)
        {
            return true;
        }

        if (location is null)
        {
            return false;
        }

        var path = Uri.TryCreate(location, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : location;
        // A sign-in is an OIDC challenge that always uses PKCE.
        return path.StartsWith(expected.RedirectTo, StringComparison.Ordinal)
            && (expected != Outcome.SignIn || path.Contains("code_challenge_method=S256", StringComparison.Ordinal));
    }

    /// <summary>Route parameters and concrete ids/host ids both become <c>{}</c>, and the asset names too.</summary>
    private static string Shape(string path) => Placeholder().Replace(path, "{}");

    [GeneratedRegex(@"\{[^}]+\}|hub-a|(?<=/assets/[a-z]+/)[a-z0-9.-]+$|(?<=/openapi/)[a-z0-9]+(?=\.json$)")]
    private static partial Regex Placeholder();
}
