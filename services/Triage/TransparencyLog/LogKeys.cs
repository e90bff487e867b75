namespace SafetyReports.Triage.TransparencyLog;

/// <summary>The log's signing key and every verifier key it publishes: the current one first, then the earlier ones.</summary>
public sealed class LogKeys(NoteSigner signer, IReadOnlyList<NoteVerifierKey> previous) : IDisposable
{
    public NoteSigner Signer => signer;

    public IReadOnlyList<NoteVerifierKey> Published { get; } = [signer.Verifier, .. previous.Where(k => k.ToString() != signer.Verifier.ToString())];

    public static LogKeys Load(TransparencyLogOptions options, string dataDirectory) =>
        new(LogSigningKey.Load(options.ResolveKeyFile(dataDirectory), options.Origin, options.CreateKeyIfMissing),
            [.. options.PreviousVerifierKeys.Select(k => NoteVerifierKey.Parse(k)!)]);

    public void Dispose() => signer.Dispose();
}
