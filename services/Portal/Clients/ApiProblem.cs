namespace SafetyReports.Portal.Clients;

public enum ApiOutcome
{
    Ok,
    /// <summary>400: the fields the API refused, by field name (the same names the forms use).</summary>
    Invalid,
    NotFound,
    /// <summary>409: a stale version, a move the workflow forbids, a duplicate id.</summary>
    Conflict,
    /// <summary>401: the session's token was refused; the user signs in again.</summary>
    Unauthorized,
    Forbidden,
    /// <summary>The API could not be reached or failed (5xx, timeouts, a body that was not what was expected).</summary>
    Unavailable,
}

/// <summary>What went wrong with an API call, in the terms a page shows.</summary>
/// <param name="FieldErrors">Field name → messages; errors about no field in particular are under the empty name.</param>
public sealed record ApiProblem(ApiOutcome Outcome, int? Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> FieldErrors)
{
    public static ApiProblem Unavailable(string detail) =>
        new(ApiOutcome.Unavailable, null, null, detail, new Dictionary<string, string[]>());

    public string? ErrorFor(string field) => FieldErrors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}

/// <summary>An API answer: the value, or the problem.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool IsOk => Problem is null;

    public static ApiResult<T> Ok(T value) => new(value, null);

    public static ApiResult<T> Failed(ApiProblem problem) => new(default, problem);
}
