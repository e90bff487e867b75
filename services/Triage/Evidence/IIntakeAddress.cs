using Microsoft.Extensions.Options;
namespace SafetyReports.Triage.Evidence;

/// <summary>Where Triage reaches Intake's internal evidence endpoint.</summary>
public interface IIntakeAddress
{
    Uri BaseAddress { get; }
}

/// <summary><c>SafetyReports:Triage:EvidenceFiles:IntakeUrl</c> (Intake's local address unless set).</summary>
public sealed class ConfiguredIntakeAddress(IOptions<EvidenceHandoverOptions> options) : IIntakeAddress
{
    public Uri BaseAddress { get; } = new(options.Value.IntakeUrl.TrimEnd('/') + "/", UriKind.Absolute);
}
