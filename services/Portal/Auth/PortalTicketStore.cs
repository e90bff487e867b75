using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace SafetyReports.Portal.Auth;

/// <summary>
/// Keeps the signed-in session (the principal and its access, refresh and id tokens) on the server; the
/// cookie carries only a random key. Entries are encrypted with Data Protection, so the cache behind
/// <see cref="IDistributedCache"/> never holds a token in the clear, and expire with the session.
/// </summary>
public sealed class PortalTicketStore(IDistributedCache cache, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore
{
    private const string KeyPrefix = "safetyreports-portal-session:";

    private readonly IDataProtector _protector = protection.CreateProtector("SafetyReports.Portal.SessionTickets");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var expires = ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().AddHours(8);
        var bytes = _protector.Protect(TicketSerializer.Default.Serialize(ticket));
        return cache.SetAsync(KeyPrefix + key, bytes, new DistributedCacheEntryOptions { AbsoluteExpiration = expires });
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var bytes = await cache.GetAsync(KeyPrefix + key);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(bytes));
        }
        catch (CryptographicException)
        {
            // A key ring that lost its key: the session is gone, the user signs in again.
            return null;
        }
    }

    public Task RemoveAsync(string key) => cache.RemoveAsync(KeyPrefix + key);
}
