namespace SafetyReports.IntegrationTests.Authorization;

/// <summary>
/// The whole <see cref="AuthorizationMatrix"/> against a Standalone system. That it lists every route is checked without a running
/// system, by <see cref="Docs.DocumentedRoutesTests"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
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
}
