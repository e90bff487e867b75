namespace SafetyReports.Intake.Transparency;

/// <summary>The base address of Triage's transparency API (Intake reads the figures over HTTP, never from Triage's store).</summary>
public interface ITransparencySourceAddress
{
    Uri BaseAddress { get; }
}
