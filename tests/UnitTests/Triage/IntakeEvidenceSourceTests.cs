using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SafetyReports.Contracts;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.Triage.Evidence;

namespace SafetyReports.UnitTests.Triage;

/// <summary>Triage's pull of evidence files from Intake, against a scripted Intake and token endpoint.</summary>
public sealed class IntakeEvidenceSourceTests
{
    private static readonly byte[] Bytes = "{\"a\":1}\n"u8.ToArray();

    /// <summary>Answers the token endpoint with a fresh token each time, and Intake with <see cref="File"/> or <see cref="FileStatus"/>.</summary>
    private sealed class FakeServices : HttpMessageHandler, IHttpClientFactory
    {
        public int TokensIssued { get; private set; }
        public List<string?> BearersSeen { get; } = [];
        public HttpStatusCode FileStatus { get; set; } = HttpStatusCode.OK;
        public byte[] File { get; set; } = Bytes;

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == "/connect/token")
            {
                TokensIssued++;
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent($$"""{"access_token":"token-{{TokensIssued}}","expires_in":3600}""", System.Text.Encoding.UTF8, "application/json"),
                });
            }

            BearersSeen.Add(request.Headers.Authorization?.Parameter);
            return Task.FromResult(FileStatus == HttpStatusCode.OK
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(File) }
                : new HttpResponseMessage(FileStatus));
        }
    }

    private static (IntakeEvidenceSource Source, FakeServices Services) Create()
    {
        var services = new FakeServices();
        var options = Options.Create(new EvidenceHandoverOptions { IntakeUrl = "http://intake.test/", ClientSecret = "secret" });
        var token = new EvidenceAccessToken(services, options, Options.Create(new IdentityAuthorityOptions { Issuer = "http://identity.test/" }),
            new ManualClock(DateTimeOffset.UnixEpoch));
        return (new IntakeEvidenceSource(services, new ConfiguredIntakeAddress(options), token), services);
    }

    private static ReportSubmitted Submitted(params EvidenceFileReference[] files) => new(
        Guid.NewGuid(), DateTimeOffset.UnixEpoch, new ModelReference("hub", "org/model"), "hate", null, "T", "D", [], null, false, Files: files);

    private static EvidenceFileReference Reference() =>
        new(Guid.NewGuid(), "chat.jsonl", "application/jsonl", Bytes.Length, Convert.ToHexStringLower(SHA256.HashData(Bytes)), "x");

    [Fact]
    public async Task Each_file_is_pulled_with_one_kept_token_and_checked()
    {
        var (source, services) = Create();
        var (first, second) = (Reference(), Reference());

        var files = await source.PullAsync(Submitted(first, second), TestContext.Current.CancellationToken);

        Assert.Equal([first.Id, second.Id], files.Select(f => f.Id));
        Assert.All(files, f => Assert.Equal(Bytes, f.Content));
        Assert.Equal(1, services.TokensIssued);
        Assert.Equal(["token-1", "token-1"], services.BearersSeen);
    }

    [Fact]
    public async Task A_file_that_is_not_the_one_recorded_or_not_there_fails_the_pull()
    {
        var (source, services) = Create();
        services.File = [.. Bytes[..^1], (byte)'!'];
        var tampered = await Assert.ThrowsAsync<EvidencePullException>(() => source.PullAsync(Submitted(Reference()), TestContext.Current.CancellationToken));
        Assert.Contains("a SHA-256 other than the one recorded", tampered.Message);

        services.FileStatus = HttpStatusCode.NotFound;
        var missing = await Assert.ThrowsAsync<EvidencePullException>(() => source.PullAsync(Submitted(Reference()), TestContext.Current.CancellationToken));
        Assert.Contains("Intake answered 404", missing.Message);
    }

    [Fact]
    public async Task A_refused_token_is_forgotten_and_the_next_pull_gets_a_new_one()
    {
        var (source, services) = Create();
        services.FileStatus = HttpStatusCode.Unauthorized;
        await Assert.ThrowsAsync<EvidencePullException>(() => source.PullAsync(Submitted(Reference()), TestContext.Current.CancellationToken));

        services.FileStatus = HttpStatusCode.OK;
        await source.PullAsync(Submitted(Reference()), TestContext.Current.CancellationToken);

        Assert.Equal(["token-1", "token-2"], services.BearersSeen);
    }
}
