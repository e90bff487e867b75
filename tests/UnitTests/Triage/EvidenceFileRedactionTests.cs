using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using static SafetyReports.Contracts.ReportStatuses;

namespace SafetyReports.UnitTests.Triage;

/// <summary>A redaction removes an evidence file whole (<c>files/{id}</c>): its record here, its bytes in the store.</summary>
public sealed class EvidenceFileRedactionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly EvidenceFileReference Photo = new(Guid.NewGuid(), "photo.jpg", "image/jpeg", 10, new string('a', 64), new string('b', 64));
    private static readonly EvidenceFileReference Log = new(Guid.NewGuid(), "chat.jsonl", "application/jsonl", 5, new string('c', 64), new string('c', 64));

    private static Report WithFiles() => ReportWorkflowTests.NewReport(Triaged, "high") with { EvidenceFiles = [Photo, Log] };

    [Fact]
    public void A_named_file_is_removed_and_the_entry_names_only_its_id()
    {
        var outcome = ReportRedaction.Apply(WithFiles(), new RedactionRequest(null, [$"files/{Photo.Id}"], 1), "admin@example.org", Now);

        Assert.Equal(WorkflowOutcomeKind.Applied, outcome.Kind);
        Assert.Equal([Log], outcome.Report!.EvidenceFiles);
        Assert.Equal(WithFiles().Description, outcome.Report.Description);
        Assert.Equal($$"""{"fields":["files/{{Photo.Id}}"],"whole":true,"occurrences":1,"version":2}""", outcome.Audit!.Data);
        Assert.DoesNotContain("photo.jpg", outcome.Audit.Data);
    }

    [Fact]
    public void A_file_of_another_report_or_with_a_text_is_refused_and_nothing_changes()
    {
        var unknown = ReportRedaction.Apply(WithFiles(), new RedactionRequest(null, [$"files/{Guid.NewGuid()}"], 1), "a", Now);
        var withText = ReportRedaction.Apply(WithFiles(), new RedactionRequest("Step", ["description", $"files/{Log.Id}"], 1), "a", Now);

        Assert.Equal(WorkflowOutcomeKind.Invalid, unknown.Kind);
        Assert.Contains("files/{id}", unknown.Errors!["fields"][0]);
        Assert.Equal(WorkflowOutcomeKind.Invalid, withText.Kind);
        Assert.StartsWith("A file is removed whole", withText.Errors!["fields"][0]);
        Assert.Null(withText.Report);
    }
}
