using Microsoft.Data.Sqlite;
using SafetyReports.Triage.Domain;

namespace SafetyReports.AuditTool;

/// <summary>The verdict on a chain: an exit code and the line that explains it.</summary>
public sealed record ChainVerdict(int Code, string Message);

/// <summary>
/// Walks a chain once, in stored order, handing each intact entry on as it goes, and decides whether the whole
/// chain is intact (and still holds <c>--expect-head</c>). Whoever was handed entries must use them only on a
/// valid verdict.
/// </summary>
public static class ChainCheck
{
    public static ChainVerdict Run(IEnumerable<AuditEntry> entries, string? expectedHead, Action<AuditEntry>? intact = null)
    {
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
                intact?.Invoke(entry);
            }
        }
        catch (UnreadableEntryException ex)
        {
            var verified = verifier.Result;
            return new ChainVerdict(AuditToolProgram.Invalid, $"INVALID: {ex.Message} (after {verified.Entries} intact entries, head {verified.Head})");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException)
        {
            return new ChainVerdict(AuditToolProgram.Error, $"cannot read the chain: {ex.Message}");
        }

        var result = verifier.Result;
        if (!result.Valid)
        {
            return new ChainVerdict(AuditToolProgram.Invalid,
                $"INVALID at sequence {result.FirstInvalidSequence}: {result.Reason} (after {result.Entries} intact entries, head {result.Head})");
        }

        if (expectedHead is not null && !seenExpectedHead)
        {
            return new ChainVerdict(AuditToolProgram.Invalid,
                $"INVALID: the recorded head {expectedHead} is not in this chain of {result.Entries} entries (head {result.Head}): entries were removed from its end, or it was rebuilt");
        }

        return new ChainVerdict(AuditToolProgram.Valid, $"valid: {result.Entries} entries, head {result.Head}");
    }
}
