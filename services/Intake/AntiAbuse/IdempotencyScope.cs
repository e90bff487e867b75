using SafetyReports.Intake.Storage;

namespace SafetyReports.Intake.AntiAbuse;

/// <summary>
/// An <c>Idempotency-Key</c> belongs to the client that sent it: its record is found under the key and the client
/// together, so another client sending the same key and body gets a report of its own, never the first receipt
/// or its status token. The client is an HMAC of its address (<see cref="ClientAddressKey"/>: IPv6 per /64) under a
/// lasting secret the store keeps encrypted with the replicas' key ring, so a retry that reaches another replica,
/// or comes after a restart or midnight, is still the same client (the daily <see cref="ClientAddressHasher"/>
/// would not be); no address is stored.
/// </summary>
public sealed partial class IdempotencyScope(ISubmissionStore store, IDataProtectionProvider protection, ILogger<IdempotencyScope> logger)
{
    public const string SecretName = "idempotency-scope";

    private readonly IDataProtector _protector = protection.CreateProtector("SafetyReports.Intake.IdempotencyScope.v1");
    private readonly SemaphoreSlim _loading = new(1, 1);
    private byte[]? _secret;

    /// <summary>What the idempotency record of this key from this client is stored under.</summary>
    public async Task<string> KeyHashAsync(string idempotencyKey, IPAddress? client, CancellationToken cancellationToken)
    {
        var secret = _secret ?? await LoadAsync(cancellationToken);
        var scope = Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(ClientAddressKey.Of(client))));
        return SecretHasher.Hash($"idempotency:{scope}:{idempotencyKey}");
    }

    private async Task<byte[]> LoadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_secret is null)
            {
                var candidate = Convert.ToBase64String(_protector.Protect(RandomNumberGenerator.GetBytes(32)));
                var stored = await store.GetOrAddSecretAsync(SecretName, candidate, cancellationToken);
                try
                {
                    _secret = _protector.Unprotect(Convert.FromBase64String(stored));
                }
                catch (CryptographicException ex)
                {
                    // Stored under a key ring this replica does not have: scope to this process rather than fail every submission.
                    KeyRingMismatch(logger, ex);
                    _secret = RandomNumberGenerator.GetBytes(32);
                }
            }

            return _secret;
        }
        finally
        {
            _loading.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The idempotency scope secret cannot be decrypted with this key ring (SafetyReports:DataProtection:KeysDirectory): "
        + "idempotency keys are scoped to this process until the replicas share one key ring; a retry elsewhere becomes a new report.")]
    private static partial void KeyRingMismatch(ILogger logger, Exception exception);
}
