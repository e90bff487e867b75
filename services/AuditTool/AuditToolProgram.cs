using Microsoft.Data.Sqlite;
using SafetyReports.Triage.Domain;

namespace SafetyReports.AuditTool;

/// <summary>
/// <c>verify &lt;export.ndjson&gt;</c> or <c>verify --sqlite &lt;triage.db&gt;</c>, optionally followed by
/// <c>--expect-head &lt;hash&gt;</c>. Exit codes: 0 the chain is intact (entries and head printed), 1 it is not
/// (the first bad entry printed), 2 the tool could not run.
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

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
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
                error.WriteLine("usage: AuditTool verify <export.ndjson> [--expect-head <hash>]\n       AuditTool verify --sqlite <triage.db> [--expect-head <hash>]");
                return Error;
        }

        var verifier = new AuditVerifier();
        var seenExpectedHead = false;
        try
        {
            foreach (var entry in entries)
            {
                if (!verifier.Add(entry))
                {
                    break;
                }

                seenExpectedHead |= entry.Hash == expectedHead;
            }
        }
        catch (UnreadableEntryException ex)
        {
            var verified = verifier.Result;
            output.WriteLine($"INVALID: {ex.Message} (after {verified.Entries} intact entries, head {verified.Head})");
            return Invalid;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException)
        {
            error.WriteLine($"cannot read the chain: {ex.Message}");
            return Error;
        }

        var result = verifier.Result;
        if (result.Valid && expectedHead is not null && !seenExpectedHead)
        {
            output.WriteLine($"INVALID: the recorded head {expectedHead} is not in this chain of {result.Entries} entries (head {result.Head}): entries were removed from its end, or it was rebuilt");
            return Invalid;
        }

        if (result.Valid)
        {
            output.WriteLine($"valid: {result.Entries} entries, head {result.Head}");
            return Valid;
        }

        output.WriteLine($"INVALID at sequence {result.FirstInvalidSequence}: {result.Reason} (after {result.Entries} intact entries, head {result.Head})");
        return Invalid;
    }
}
