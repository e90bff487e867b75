namespace SafetyReports.Contracts;

/// <param name="Code">The readable code used on the wire.</param>
/// <param name="AiLuminateCode">The MLCommons AILuminate v1.0 hazard code, null for <c>other</c>.</param>
public sealed record HazardCategory(string Code, string? AiLuminateCode, string Label, string Description);
