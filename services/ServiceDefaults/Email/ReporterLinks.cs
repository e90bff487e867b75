using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace SafetyReports.ServiceDefaults.Email;

/// <summary>
/// The two signed links of a reporter's mail, made by Triage (which sends it) and opened by Intake (which serves the public
/// pages); the two share the report-protection key ring. The status link opens the report's status without the status token
/// until it expires; the unsubscribe link stops the mails of one report and does not expire (an old mail must still be able
/// to stop them). Both are encrypted, so a link shows nothing, and each purpose is its own key: one cannot stand for the other.
/// </summary>
public sealed class ReporterLinks(IDataProtectionProvider provider)
{
    public const string StatusPath = "status";
    public const string UnsubscribePath = "unsubscribe";

    private readonly IDataProtector _status = provider.CreateProtector("SafetyReports.Email.StatusLink.v1");
    private readonly IDataProtector _unsubscribe = provider.CreateProtector("SafetyReports.Email.Unsubscribe.v1");

    public string StatusToken(Guid reportId, DateTimeOffset expiresAt) =>
        _status.Protect($"{reportId:N}.{expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The report a status token opens at <paramref name="now"/>; <see cref="LinkReading.Expired"/> after its time.</summary>
    public LinkReading ReadStatusToken(string? token, DateTimeOffset now)
    {
        if (Unprotect(_status, token) is not { } payload)
        {
            return LinkReading.Invalid;
        }

        var parts = payload.Split('.');
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var id)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return LinkReading.Invalid;
        }

        return now.ToUnixTimeSeconds() < expires ? new LinkReading(id, false) : new LinkReading(null, true);
    }

    public string UnsubscribeToken(Guid reportId) => _unsubscribe.Protect(reportId.ToString("N"));

    public Guid? ReadUnsubscribeToken(string? token) =>
        Unprotect(_unsubscribe, token) is { } payload && Guid.TryParseExact(payload, "N", out var id) ? id : null;

    public static string StatusLink(string token) => $"{StatusPath}?link={Uri.EscapeDataString(token)}";

    public static string UnsubscribeLink(string token) => $"{UnsubscribePath}?t={Uri.EscapeDataString(token)}";

    private static string? Unprotect(IDataProtector protector, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            return protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>What a status link opens: a report, or nothing (<see cref="Expired"/> says whether it was a real link whose time ran out).</summary>
public sealed record LinkReading(Guid? ReportId, bool Expired)
{
    public static readonly LinkReading Invalid = new(null, false);
}
