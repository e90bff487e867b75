namespace SafetyReports.Contracts;

/// <summary>Identifies an open model on the host that publishes or serves it.</summary>
public sealed record ModelReference(string Host, string Id, string? Revision = null, string? Url = null);
