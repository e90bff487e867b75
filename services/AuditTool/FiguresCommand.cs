using System.Text.Json;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.Triage.Transparency;

namespace SafetyReports.AuditTool;

/// <summary>
/// <c>figures</c>: verifies an export exactly as <c>verify</c> does — a chain that is not intact is exit 1 and
/// nothing is recomputed — then replays its entries up to the sequence the published figures carried and prints
/// the figures as the transparency API serves them (JSON, or CSV with <c>--csv</c>), for a diff against them.
/// Notes go to the error stream so the output holds the figures only.
/// </summary>
public static class FiguresCommand
{
    private static readonly JsonSerializerOptions Json = ApiJson();

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var (arguments, problem) = FiguresArguments.Parse(args);
        if (arguments is null)
        {
            error.WriteLine($"figures: {problem}");
            error.WriteLine(AuditToolProgram.Usage);
            return AuditToolProgram.Error;
        }

        var replay = new AuditReplay();
        AuditReplayException? unreadable = null;
        var verdict = ChainCheck.Run(AuditSources.Export(arguments.Export), arguments.ExpectedHead, entry =>
        {
            if (unreadable is not null || entry.Sequence > arguments.UpToSequence)
            {
                return;
            }

            try
            {
                replay.Add(entry);
            }
            catch (AuditReplayException ex)
            {
                unreadable = ex;
            }
        });
        if (verdict.Code != AuditToolProgram.Valid)
        {
            (verdict.Code == AuditToolProgram.Error ? error : output).WriteLine(verdict.Message);
            return verdict.Code;
        }

        error.WriteLine(verdict.Message);
        if (unreadable is not null)
        {
            error.WriteLine($"cannot recompute the figures: {unreadable.Message}");
            return AuditToolProgram.Error;
        }

        if (arguments.UpToSequence is { } upTo && replay.Last?.Sequence != upTo)
        {
            error.WriteLine($"the export ends at sequence {replay.Last?.Sequence ?? 0}, before {upTo}: export the chain again");
            return AuditToolProgram.Error;
        }

        Note(replay, error);
        var audit = replay.Last is { } last ? new AuditPoint(last.Sequence, last.Hash) : null;
        var figures = TransparencyRecompute.Figures(replay.Facts.Values, arguments.Options, arguments.Period, arguments.AsOf, arguments.Host, audit);
        if (arguments.Csv)
        {
            output.Write(TransparencyCsv.Write(figures));
        }
        else
        {
            output.WriteLine(JsonSerializer.Serialize(figures, Json));
        }

        return AuditToolProgram.Valid;
    }

    private static JsonSerializerOptions ApiJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ServiceDefaultsExtensions.ConfigureJson(options);
        return options;
    }

    /// <summary>Says where the recomputed figures may differ from the service's, so a mismatch is not a mystery.</summary>
    private static void Note(AuditReplay replay, TextWriter error)
    {
        if (replay.ReceivedAtFromEntryTime > 0)
        {
            error.WriteLine($"note: {replay.ReceivedAtFromEntryTime} reports were received before the chain recorded Intake's receipt time; " +
                "their receipt counts from when Triage stored them");
        }

        foreach (var (action, count) in replay.UnknownActions)
        {
            error.WriteLine($"note: {count} entries with the action '{action}', unknown to this tool, were taken to change no figure");
        }
    }
}
