using System.Text;
using System.Text.Json;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Secrets;

/// <summary>Secrets a test run seeds or is handed, so the test can look for them in files and logs.</summary>
public sealed class KnownSecrets
{
    private readonly List<(string What, string Value)> _values = [];

    public KnownSecrets()
        : this(seeded: true)
    {
    }

    private KnownSecrets(bool seeded)
    {
        if (!seeded)
        {
            Client = TestClients.Triager;
            AdminPassword = "";
            return;
        }

        var suffix = Guid.NewGuid().ToString("N");
        Client = new TestClient($"seeded-{suffix[..8]}", $"seeded-client-secret-{suffix}", "triage");
        AdminPassword = $"admin-password-{suffix}";
        foreach (var client in TestClients.All.Append(Client))
        {
            Add($"client secret of {client.ClientId}", client.Secret);
        }

        Add("admin password", AdminPassword);
    }

    public const string AdminEmail = "first-admin@example.org";

    public TestClient Client { get; }

    /// <summary>No seeded client or admin, only the shared test clients' secrets: for systems started elsewhere.</summary>
    public static KnownSecrets OfSharedClients()
    {
        var secrets = new KnownSecrets(seeded: false);
        foreach (var client in TestClients.All)
        {
            secrets.Add($"client secret of {client.ClientId}", client.Secret);
        }

        return secrets;
    }

    public string AdminPassword { get; }

    public IReadOnlyList<(string What, string Value)> Values => _values;

    /// <summary>The seeded client (index after the shared test clients) and the first admin.</summary>
    public Dictionary<string, string> Settings(params (string Key, string Value)[] more)
    {
        var index = TestClients.All.Count;
        var settings = new Dictionary<string, string>
        {
            [$"SafetyReports:Identity:Clients:{index}:ClientId"] = Client.ClientId,
            [$"SafetyReports:Identity:Clients:{index}:ClientSecret"] = Client.Secret,
            [$"SafetyReports:Identity:Clients:{index}:Scopes:0"] = Client.Scope,
            ["SafetyReports:Identity:Admin:Email"] = AdminEmail,
            ["SafetyReports:Identity:Admin:Password"] = AdminPassword,
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    public void Add(string what, string value)
    {
        Assert.False(string.IsNullOrEmpty(value), what);
        _values.Add((what, value));
    }

    /// <summary>Which of the known values occur, as UTF-8 bytes, in which of the files.</summary>
    public IReadOnlyList<string> FoundIn(IEnumerable<string> files)
    {
        var found = new List<string>();
        foreach (var file in files)
        {
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var memory = new MemoryStream())
            {
                stream.CopyTo(memory);
                bytes = memory.ToArray();
            }

            found.AddRange(_values
                .Where(v => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(v.Value)) >= 0)
                .Select(v => $"{v.What} in {Path.GetFileName(file)}"));
        }

        return found;
    }

    /// <summary>Which of the known values occur in a text (a log), as written or JSON-escaped (the console logs JSON).</summary>
    public IReadOnlyList<string> FoundIn(string text) =>
        _values.Where(v => text.Contains(v.Value, StringComparison.Ordinal)
                || text.Contains(JsonSerializer.Serialize(v.Value)[1..^1], StringComparison.Ordinal))
            .Select(v => v.What).ToList();
}
