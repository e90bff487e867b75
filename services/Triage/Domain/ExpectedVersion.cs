namespace SafetyReports.Triage.Domain;

/// <summary>Optimistic concurrency for maintainers' edits: field errors first, then the version they saw.</summary>
public static class ExpectedVersion
{
    /// <returns>The refusal (invalid or conflict), or null when the edit may go ahead.</returns>
    public static WorkflowOutcome? Check(Report report, long? expectedVersion, Dictionary<string, string[]> errors)
    {
        if (expectedVersion is null)
        {
            errors["expectedVersion"] = ["The version you last saw is required (optimistic concurrency)."];
        }

        if (errors.Count > 0)
        {
            return new WorkflowOutcome(WorkflowOutcomeKind.Invalid, Errors: errors);
        }

        return expectedVersion == report.Version
            ? null
            : new WorkflowOutcome(WorkflowOutcomeKind.Conflict,
                Detail: $"The report changed since version {expectedVersion}; it is now at version {report.Version}. Reload it and try again.");
    }
}
