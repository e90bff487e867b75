using SafetyReports.Identity.Keys;

namespace SafetyReports.UnitTests.Identity;

public sealed class ServerKeyStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "safetyreports-keys-" + Guid.NewGuid().ToString("N"), "identity");

    [Fact]
    public void The_first_call_creates_keys_and_later_stores_load_the_same_ones()
    {
        var signing = new ServerKeyStore(_directory).LoadOrCreateSigningKey();
        var encryption = new ServerKeyStore(_directory).LoadOrCreateEncryptionKey();

        var reloaded = new ServerKeyStore(_directory);
        Assert.Equal(signing.KeyId, reloaded.LoadOrCreateSigningKey().KeyId);
        Assert.Equal(encryption.KeyId, reloaded.LoadOrCreateEncryptionKey().KeyId);
        Assert.NotEqual(signing.KeyId, encryption.KeyId);
        Assert.Equal(2048, signing.KeySize);
        Assert.Equal(Microsoft.IdentityModel.Tokens.PrivateKeyStatus.Exists, signing.PrivateKeyStatus);
    }

    [Fact]
    public void A_file_that_is_not_a_key_stops_the_start_with_its_path()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, ServerKeyStore.SigningKeyFile);
        File.WriteAllText(path, "not a key");

        var error = Assert.Throws<InvalidOperationException>(() => new ServerKeyStore(_directory).LoadOrCreateSigningKey());
        Assert.Contains(path, error.Message);
    }

    public void Dispose()
    {
        var root = Path.GetDirectoryName(_directory)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
