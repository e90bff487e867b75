namespace SafetyReports.Triage.Domain;

public sealed class SlaOptionsValidator : OptionsValidator<SlaOptions>
{
    protected override IEnumerable<string> Failures(SlaOptions options) =>
        options.Named()
            .Where(n => n.Value <= TimeSpan.Zero)
            .Select(n => $"{SlaOptions.Section}:{n.Name} must be a positive duration, not {n.Value}.");
}
