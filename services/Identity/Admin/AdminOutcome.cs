namespace SafetyReports.Identity.Admin;

public enum AdminOutcomeKind
{
    Ok,
    Created,
    Deleted,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>What an admin operation came to, before it becomes an HTTP answer.</summary>
public sealed record AdminOutcome<T>(AdminOutcomeKind Kind, T? Value = default, string? Detail = null, IDictionary<string, string[]>? Errors = null)
{
    public static AdminOutcome<T> Ok(T value) => new(AdminOutcomeKind.Ok, value);

    public static AdminOutcome<T> Created(T value) => new(AdminOutcomeKind.Created, value);

    public static AdminOutcome<T> Deleted() => new(AdminOutcomeKind.Deleted);

    public static AdminOutcome<T> Invalid(IDictionary<string, string[]> errors) => new(AdminOutcomeKind.Invalid, Errors: errors);

    public static AdminOutcome<T> NotFound(string detail) => new(AdminOutcomeKind.NotFound, Detail: detail);

    public static AdminOutcome<T> Conflict(string detail) => new(AdminOutcomeKind.Conflict, Detail: detail);
}
