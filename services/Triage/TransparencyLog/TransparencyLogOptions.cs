namespace SafetyReports.Triage.TransparencyLog;

/// <summary>
/// <c>SafetyReports:Triage:Log</c>: the public transparency log over the audit chain (docs/transparency.md).
/// </summary>
public sealed class TransparencyLogOptions
{
    public const string Section = "SafetyReports:Triage:Log";

    /// <summary>The log's name in every checkpoint, and its key's name: a URL without scheme, such as <c>reports.example.org/audit</c>.</summary>
    public string Origin { get; set; } = "safetyreports.local/audit";

    /// <summary>
    /// The signing key (a signed-note private key). Not in the store: a copy of the data cannot sign, and the key's
    /// backup and rotation are the operator's. Default: <c>transparency-log.key</c> in the data folder.
    /// </summary>
    public string? KeyFile { get; set; }

    /// <summary>Make a new key when <see cref="KeyFile"/> is missing (Standalone and Development do); otherwise a missing key stops the start.</summary>
    public bool CreateKeyIfMissing { get; set; }

    /// <summary>Verifier keys of earlier signing keys, still published after a rotation so older checkpoints stay verifiable.</summary>
    public List<string> PreviousVerifierKeys { get; set; } = [];

    /// <summary>How often the signer looks for new entries; a changed log gets a new checkpoint at least this often (at most a minute).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(10);

    public string ResolveKeyFile(string dataDirectory) => KeyFile is { Length: > 0 } file ? Path.GetFullPath(file) : Path.Combine(dataDirectory, "transparency-log.key");

    public bool IsValid() =>
        NoteName.IsValid(Origin) && CheckpointInterval > TimeSpan.Zero && CheckpointInterval <= TimeSpan.FromMinutes(1)
        && PreviousVerifierKeys.All(k => NoteVerifierKey.Parse(k) is not null);
}

public sealed class TransparencyLogOptionsValidator() : OneRuleOptionsValidator<TransparencyLogOptions>(o => o.IsValid(),
    $"{TransparencyLogOptions.Section}: Origin a name without spaces or '+', CheckpointInterval above zero and at most 00:01:00, "
    + "every PreviousVerifierKeys entry a signed-note Ed25519 verifier key (name+hash+key).");
