namespace SafetyReports.IntegrationTests.Authorization;

/// <summary>What the matrix expects: a status and, for redirects, where to (a path prefix on the system).</summary>
public sealed record Outcome(int Status, string? RedirectTo = null)
{
    public static implicit operator Outcome(int status) => new(status);

    public static readonly Outcome SignIn = new(302, "/connect/authorize?");

    public static readonly Outcome Forbidden = new(302, "/portal/forbidden");

    /// <summary>A host user asking for the portal's front page lands in the host inbox.</summary>
    public static readonly Outcome HostInbox = new(302, "/portal/host");

    public override string ToString() => RedirectTo is null ? Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Status} → {RedirectTo}";
}
