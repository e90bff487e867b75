namespace SafetyReports.Contracts;

/// <summary>
/// A new random id (RFC 9562 version 4) for what leaves the service: reports (sent to hosts and into public
/// disclosures), subscriptions, test deliveries. A time-ordered UUIDv7 would tell its holder the millisecond it
/// was made, more than the receipt day the disclosures promise; order by a stored time instead. Ids minted as v7
/// before keep working: nothing reads a time out of an id.
/// </summary>
public static class OpaqueId
{
    public static Guid New() => Guid.NewGuid();
}
