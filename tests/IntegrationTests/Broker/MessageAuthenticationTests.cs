using MassTransit;
using SafetyReports.Contracts;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.ServiceDefaults.Messaging;

namespace SafetyReports.IntegrationTests.Broker;

/// <summary>
/// Someone with broker credentials but without the services' signing key publishes submissions straight
/// to the exchange Triage consumes. Only the correctly signed one becomes a report.
/// </summary>
[Trait("Speed", "Slow")]
[Collection(RabbitMqCollection.Name)]
public class MessageAuthenticationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Unsigned_wrongly_signed_and_altered_submissions_are_refused_into_the_error_queue_and_a_signed_one_is_stored()
    {
        await using var broker = await RabbitMqBroker.CreateVirtualHostAsync();
        await using var system = await DistributedSystem.StartAsync(broker);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => RabbitMqHost.Configure(cfg, RabbitMqAddress.Parse(broker.ConnectionString), null));
        using var timeout = new CancellationTokenSource(Timeout);
        await bus.StartAsync(timeout.Token);
        try
        {
            var theKey = new MessageSigner(Convert.FromBase64String(system.SigningKey));
            var anotherKey = new MessageSigner(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            var unsigned = Submission("unsigned");
            var wronglySigned = Submission("signed with another key");
            var altered = Submission("altered after signing");
            var signed = Submission("signed with the key");

            await bus.Publish(unsigned, timeout.Token);
            await PublishSignedAsync(bus, wronglySigned, anotherKey, wronglySigned, timeout.Token);
            await PublishSignedAsync(bus, altered with { Title = "a title the signer never saw" }, theKey, altered, timeout.Token);
            await PublishSignedAsync(bus, signed, theKey, signed, timeout.Token);

            var triage = system.DataDirectory("Triage");
            await Eventually.UntilAsync(() => Task.FromResult(Stored(triage, signed.ReportId)), Timeout, "the signed submission to be stored");
            await Eventually.UntilAsync(async () => await MessagesInAsync(broker, "store-submitted-report_error") == 3, Timeout,
                "three refused submissions in Triage's error queue");

            Assert.False(Stored(triage, unsigned.ReportId));
            Assert.False(Stored(triage, wronglySigned.ReportId));
            Assert.False(Stored(triage, altered.ReportId));
            var log = system.Process("Triage").LogText();
            Assert.Contains($"its signature is missing", log);
            Assert.Equal(2, log.Split("its signature is not valid").Length - 1);
        }
        catch
        {
            output.WriteLine(system.Logs());
            throw;
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// A newer Intake adds a field to <see cref="ReportSubmitted"/> that this Triage does not know: the signature
    /// covers the message as it arrived, not Triage's re-reading of it, so the submission is still accepted
    /// (the order of a rolling upgrade does not matter).
    /// </summary>
    [Fact]
    public async Task A_signed_submission_from_a_newer_sender_with_a_field_this_consumer_does_not_know_is_stored()
    {
        await using var broker = await RabbitMqBroker.CreateVirtualHostAsync();
        await using var system = await DistributedSystem.StartAsync(broker);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            RabbitMqHost.Configure(cfg, RabbitMqAddress.Parse(broker.ConnectionString), null);
            // The exchange Triage binds for ReportSubmitted: where a newer Intake would publish it.
            cfg.Message<NewerReportSubmitted>(m => m.SetEntityName("SafetyReports.Contracts:ReportSubmitted"));
        });
        using var timeout = new CancellationTokenSource(Timeout);
        await bus.StartAsync(timeout.Token);
        try
        {
            var signer = new MessageSigner(Convert.FromBase64String(system.SigningKey));
            var current = Submission("from a newer Intake");
            var newer = new NewerReportSubmitted(current.ReportId, current.ReceivedAt, current.Model, current.Category, current.Severity,
                current.Title, current.Description, current.Evidence, current.ProtectedContact, current.ContactAllowed, current.Unchallenged,
                AddedLater: "a field Triage was built without");
            var messageId = Guid.NewGuid();
            var signature = signer.Sign(typeof(ReportSubmitted).FullName!, messageId, MessageSerialization.SignedBytes(newer));
            await bus.Publish(newer, context =>
            {
                context.MessageId = messageId;
                context.Headers.Set(MessageSigner.Header, signature);
            }, timeout.Token);

            await Eventually.UntilAsync(() => Task.FromResult(Stored(system.DataDirectory("Triage"), current.ReportId)), Timeout,
                "the newer sender's submission to be stored");
            Assert.DoesNotContain("its signature is", system.Process("Triage").LogText());
        }
        catch
        {
            output.WriteLine(system.Logs());
            throw;
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    private static ReportSubmitted Submission(string title) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, new ModelReference("huggingface", "example/forged-model"), "hate", null,
        title, "A submission that did not come through Intake.", [new EvidenceItem("prompt", "forged")], null, false);

    /// <summary>Publishes <paramref name="message"/> with the signature <paramref name="signer"/> makes over <paramref name="signedContent"/>.</summary>
    private static Task PublishSignedAsync(IBus bus, ReportSubmitted message, MessageSigner signer, ReportSubmitted signedContent, CancellationToken cancellationToken)
    {
        var messageId = Guid.NewGuid();
        var signature = signer.Sign(typeof(ReportSubmitted).FullName!, messageId, MessageSerialization.SignedBytes(signedContent));
        return bus.Publish(message, context =>
        {
            context.MessageId = messageId;
            context.Headers.Set(MessageSigner.Header, signature);
        }, cancellationToken);
    }

    private static bool Stored(string triageData, Guid reportId) =>
        File.Exists(Path.Combine(triageData, "triage.db"))
        && StoreInspector.Count(triageData, "triage.db", $"id = '{reportId}'", "reports") == 1;

    /// <summary>How many messages the vhost's queue whose name ends so holds (0 while there is none).</summary>
    private static async Task<int> MessagesInAsync(RabbitMqBroker broker, string queueNameEnd)
    {
        var queues = await RabbitMqBroker.RabbitMqCtlOutputAsync("list_queues", "-p", broker.VirtualHost, "name", "messages", "--quiet", "--no-table-headers");
        return queues.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', StringSplitOptions.TrimEntries))
            .Where(columns => columns.Length == 2 && columns[0].EndsWith(queueNameEnd, StringComparison.Ordinal))
            .Select(columns => int.Parse(columns[1], System.Globalization.CultureInfo.InvariantCulture))
            .SingleOrDefault();
    }
}

/// <summary><see cref="ReportSubmitted"/> as a later version of the contract might carry it, under the same message type.</summary>
[MessageUrn("SafetyReports.Contracts:ReportSubmitted")]
public sealed record NewerReportSubmitted(
    Guid ReportId,
    DateTimeOffset ReceivedAt,
    ModelReference Model,
    string Category,
    string? Severity,
    string Title,
    string Description,
    IReadOnlyList<EvidenceItem> Evidence,
    string? ProtectedContact,
    bool ContactAllowed,
    bool Unchallenged,
    string AddedLater);
