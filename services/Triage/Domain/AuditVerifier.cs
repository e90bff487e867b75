namespace SafetyReports.Triage.Domain;

public sealed record AuditVerification(bool Valid, long Entries, string Head, long? FirstInvalidSequence, string? Reason);

/// <summary>Walks the chain in order and stops at the first entry that does not fit.</summary>
public sealed class AuditVerifier
{
    private long _expectedSequence = 1;
    private string _previousHash = AuditChain.GenesisHash;
    private long _count;
    private AuditVerification? _failure;

    public bool Add(AuditEntry entry)
    {
        if (_failure is not null)
        {
            return false;
        }

        string? reason = null;
        if (entry.Sequence != _expectedSequence)
        {
            reason = $"expected sequence {_expectedSequence}, found {entry.Sequence}";
        }
        else if (entry.PreviousHash != _previousHash)
        {
            reason = "previous hash does not match the entry before it";
        }
        else if (AuditChain.ComputeHash(entry) != entry.Hash)
        {
            reason = "hash does not match the entry's contents";
        }

        if (reason is not null)
        {
            _failure = new AuditVerification(false, _count, _previousHash, entry.Sequence, reason);
            return false;
        }

        _count++;
        _expectedSequence++;
        _previousHash = entry.Hash;
        return true;
    }

    public AuditVerification Result => _failure ?? new AuditVerification(true, _count, _previousHash, null, null);

    public static AuditVerification Verify(IEnumerable<AuditEntry> entries)
    {
        var verifier = new AuditVerifier();
        foreach (var entry in entries)
        {
            if (!verifier.Add(entry))
            {
                break;
            }
        }

        return verifier.Result;
    }
}
