namespace SafetyReports.IntegrationTests.Authorization;

/// <summary>
/// One endpoint of the matrix: the request (path placeholders <c>{report}</c>, <c>{subscription}</c>,
/// <c>{none}</c>) and the expected outcome for every <see cref="Caller"/>.
/// </summary>
public sealed record MatrixRow(string Method, string Path, IReadOnlyDictionary<Caller, Outcome> Expected, string? Json)
{
    private static readonly Caller[] WithoutValidToken = [Caller.Anonymous, Caller.ReportTokenHolder, Caller.ExpiredToken, Caller.OtherIssuer];

    public override string ToString() => $"{Method} {Path}";

    /// <summary>Anonymous endpoints: credentials change nothing (an invalid token is not a reason to refuse).</summary>
    public static MatrixRow Public(string method, string path, Outcome everyone, string? json = null) =>
        new(method, path, Enum.GetValues<Caller>().ToDictionary(c => c, _ => everyone), json);

    /// <summary>Intake's follow-up: only the report's own status token opens it; anything else looks like an unknown report.</summary>
    public static MatrixRow Reporter(string method, string path, Outcome holder, string? json = null) =>
        new(method, path, Enum.GetValues<Caller>().ToDictionary(c => c, c => c == Caller.ReportTokenHolder ? holder : new Outcome(404)), json);

    /// <summary>Scope <c>triage</c>: the triager's and the admin's clients.</summary>
    public static MatrixRow TriageApi(string method, string path, Outcome allowed, string? json = "{}") =>
        Bearer(method, path, json, triager: allowed, admin: allowed, hostA: 403, hostB: 403);

    /// <summary>Scope <c>triage</c> and an admin (role <c>admin</c>, or scope <c>identity:admin</c> for a machine client).</summary>
    public static MatrixRow TriageAdmin(string method, string path, Outcome admin, string? json = "{}") =>
        Bearer(method, path, json, triager: 403, admin: admin, hostA: 403, hostB: 403);

    /// <summary>Scope <c>notifications:admin</c> only.</summary>
    public static MatrixRow NotificationsAdmin(string method, string path, Outcome admin, string? json = "{}") =>
        Bearer(method, path, json, triager: 403, admin: admin, hostA: 403, hostB: 403);

    /// <summary>Scope <c>notifications:admin</c>, or <c>host</c> for the host's own things (another host's are 404).</summary>
    public static MatrixRow AdminOrHost(string method, string path, Outcome admin, Outcome hostA, Outcome hostB, string? json = "{}") =>
        Bearer(method, path, json, triager: 403, admin: admin, hostA: hostA, hostB: hostB);

    /// <summary>Scope <c>host</c> only: the host API.</summary>
    public static MatrixRow HostApi(string method, string path, Outcome hostA, Outcome hostB, string? json = "{}") =>
        Bearer(method, path, json, triager: 403, admin: 403, hostA: hostA, hostB: hostB);

    /// <summary>
    /// Scope <c>evidence:read</c> (Triage's own client) or <c>evidence:shared</c> (Notification's), which no matrix caller holds:
    /// Intake's and Triage's internal evidence endpoints.
    /// </summary>
    public static MatrixRow EvidenceReader(string method, string path, string? json = null) =>
        Bearer(method, path, json, triager: 403, admin: 403, hostA: 403, hostB: 403);

    /// <summary>Scope <c>identity:admin</c> only.</summary>
    public static MatrixRow IdentityAdmin(string method, string path, Outcome admin, string? json = "{}") =>
        Bearer(method, path, json, triager: 403, admin: admin, hostA: 403, hostB: 403);

    /// <summary>
    /// A maintainers' portal page: without a portal session (bearer tokens do not count) the browser is sent to sign in;
    /// a host user gets the Forbidden page unless <paramref name="host"/> says otherwise.
    /// </summary>
    public static MatrixRow PortalPage(string method, string path, Outcome triager, Outcome admin, Outcome? host = null) =>
        new(method, path, Enum.GetValues<Caller>().ToDictionary(c => c, c => c switch
        {
            Caller.Triager => triager,
            Caller.Admin => admin,
            Caller.HostA or Caller.HostB => host ?? Outcome.Forbidden,
            _ => Outcome.SignIn,
        }), null);

    /// <summary>A host inbox page: host users only (each sees their own host's); maintainers get the Forbidden page.</summary>
    public static MatrixRow HostPage(string method, string path, Outcome hostA, Outcome hostB) =>
        new(method, path, Enum.GetValues<Caller>().ToDictionary(c => c, c => c switch
        {
            Caller.Triager or Caller.Admin => Outcome.Forbidden,
            Caller.HostA => hostA,
            Caller.HostB => hostB,
            _ => Outcome.SignIn,
        }), null);

    private static MatrixRow Bearer(string method, string path, string? json, Outcome triager, Outcome admin, Outcome hostA, Outcome hostB)
    {
        var expected = WithoutValidToken.ToDictionary(c => c, _ => new Outcome(401));
        expected[Caller.Triager] = triager;
        expected[Caller.Admin] = admin;
        expected[Caller.HostA] = hostA;
        expected[Caller.HostB] = hostB;
        return new MatrixRow(method, path, expected, json);
    }
}
