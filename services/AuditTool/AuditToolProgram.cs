using SafetyReports.Triage.Domain;

namespace SafetyReports.AuditTool;

/// <summary>
/// <c>verify &lt;export.ndjson&gt;</c> or <c>verify --sqlite &lt;triage.db&gt;</c>, optionally followed by
/// <c>--expect-head &lt;hash&gt;</c>; and <c>figures</c> (<see cref="FiguresCommand"/>), which verifies the same way
/// before it recomputes the published figures; and <c>log</c> (<see cref="LogCommand"/>), the public transparency log. Exit codes: 0 the chain is intact (entries and head printed),
/// 1 it is not (the first bad entry printed), 2 the tool could not run.
/// </summary>
/// <remarks>
/// A chain cut short at its end is still a valid chain: only a head recorded earlier (published, or kept
/// from <c>GET /api/v1/triage/audit/verify</c>) shows entries were removed from the end. With
/// <c>--expect-head</c> the recorded head must be the chain's head or one of its entries (the chain grew since).
/// </remarks>
public static class AuditToolProgram
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int Error = 2;

    public const string Usage =
        """
        usage: AuditTool verify <export.ndjson> [--expect-head <hash>]
               AuditTool verify --sqlite <triage.db> [--expect-head <hash>]
               AuditTool figures <export.ndjson> --hosts|--models <host> --as-of <ISO 8601 time> [--from yyyy-MM] [--to yyyy-MM]
                   [--up-to-sequence <n>] [--threshold <n>] [--ack-sla-seconds <n>] [--csv] [--expect-head <hash>]
        """ + "\n" + LogCommand.Usage;

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args is ["figures", .. var figures])
        {
            return FiguresCommand.Run(figures, output, error);
        }

        if (args is ["log", .. var log])
        {
            return LogCommand.Run(log, output, error);
        }

        string? expectedHead = null;
        if (args is [.. var rest, "--expect-head", var head])
        {
            expectedHead = head;
            args = rest;
        }

        IEnumerable<AuditEntry> entries;
        switch (args)
        {
            case ["verify", "--sqlite", var database]:
                entries = AuditSources.Sqlite(database);
                break;
            case ["verify", var export] when !export.StartsWith("--", StringComparison.Ordinal):
                entries = AuditSources.Export(export);
                break;
            default:
                error.WriteLine(Usage);
                return Error;
        }

        var verdict = ChainCheck.Run(entries, expectedHead);
        (verdict.Code == Error ? error : output).WriteLine(verdict.Message);
        return verdict.Code;
    }
}
