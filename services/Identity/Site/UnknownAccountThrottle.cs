namespace SafetyReports.Identity.Site;

/// <summary>
/// Counts failed sign-ins for e-mails that have no account and "locks" them exactly as a real account
/// is locked (after <see cref="MaintainerAccounts.MaxFailedAttempts"/> failures, for
/// <see cref="MaintainerAccounts.LockoutDuration"/>), so the login page's answers never tell whether
/// an e-mail has an account. Kept in memory and bounded: an attacker can only make it forget.
/// </summary>
public sealed class UnknownAccountThrottle(TimeProvider time)
{
    public const int Capacity = 10_000;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private sealed class Entry
    {
        public int Failures;
        public DateTimeOffset LastFailure;
        public DateTimeOffset? LockedUntil;
    }

    public bool IsLockedOut(string email)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(Key(email), out var entry) && entry.LockedUntil > time.GetUtcNow();
        }
    }

    /// <summary>Records one failure; true when the e-mail is now locked out (as the account's 5th failure would be).</summary>
    public bool RecordFailure(string email)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_entries.Count >= Capacity)
            {
                Prune(now);
            }

            var key = Key(email);
            if (!_entries.TryGetValue(key, out var entry) || entry.LockedUntil <= now)
            {
                entry = new Entry();
                _entries[key] = entry;
            }

            if (entry.LockedUntil > now)
            {
                return true;
            }

            entry.Failures++;
            entry.LastFailure = now;
            if (entry.Failures >= MaintainerAccounts.MaxFailedAttempts)
            {
                entry.LockedUntil = now + MaintainerAccounts.LockoutDuration;
                return true;
            }

            return false;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        var stale = _entries.Where(e => e.Value.LockedUntil is null ? now - e.Value.LastFailure > MaintainerAccounts.LockoutDuration : e.Value.LockedUntil <= now)
            .Select(e => e.Key).ToList();
        stale.ForEach(k => _entries.Remove(k));
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }
    }

    private static string Key(string email) => email.Trim().ToUpperInvariant();
}
