namespace SafetyReports.Portal.Clients;

/// <summary>Ids a form or a link hands the portal, as one segment of an API path.</summary>
public static class ApiPath
{
    /// <summary>
    /// The id escaped as one path segment; null when no request path can carry it: none (a form binds an empty or
    /// blank value as null) or a dot segment, which HTTP clients and servers remove, so the call would reach
    /// another endpoint (<c>users/../lock</c> is <c>/lock</c>).
    /// </summary>
    public static string? Segment(string? id) => string.IsNullOrEmpty(id) || id is "." or ".." ? null : Uri.EscapeDataString(id);

    /// <summary>A portal page under <c>/portal/admin/hosts</c> for a host id from a route: the list of hosts when no path can carry it.</summary>
    public static string HostPage(string? hostId, string rest = "") =>
        Segment(hostId) is { } id ? $"/portal/admin/hosts/{id}{rest}" : "/portal/admin/hosts";

    /// <summary>The answer for an id no path can carry: no such thing, as the API would say of an unknown id.</summary>
    public static ApiResult<T> NotFound<T>() =>
        ApiResult<T>.Failed(new ApiProblem(ApiOutcome.NotFound, StatusCodes.Status404NotFound, null, null, new Dictionary<string, string[]>()));
}
