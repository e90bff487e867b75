namespace SafetyReports.Triage.Evidence;

/// <summary>
/// An evidence file could not be pulled from Intake, or was not the file named: the report is not stored, and the message is
/// retried (Intake also re-sends it until Triage confirms), so nothing is lost.
/// </summary>
public sealed class EvidencePullException(string message, Exception? inner = null) : Exception(message, inner);
