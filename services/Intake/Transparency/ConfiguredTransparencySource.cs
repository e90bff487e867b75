namespace SafetyReports.Intake.Transparency;

/// <summary><c>SafetyReports:Intake:TransparencySource</c>, or Triage's default local address when it is not set.</summary>
public sealed class ConfiguredTransparencySource(IOptions<IntakeOptions> options) : ITransparencySourceAddress
{
    public const string DefaultAddress = "http://localhost:5102/";

    public Uri BaseAddress { get; } = WithTrailingSlash(options.Value.TransparencySource is { Length: > 0 } configured ? configured : DefaultAddress);

    /// <summary>Relative paths resolve under the whole base address only when it ends with a slash.</summary>
    public static Uri WithTrailingSlash(string address) => new(address.TrimEnd('/') + "/", UriKind.Absolute);
}
