using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage.Api;

/// <summary>
/// <c>/api/v1/triage/me/notifications</c>: the caller's own notification choices, and only theirs (keyed by the token's
/// subject, so no id in the path can reach anyone else's).
/// </summary>
public static class NotificationPreferenceEndpoints
{
    public static void MapNotificationPreferenceEndpoints(this RouteGroupBuilder triage)
    {
        triage.MapGet("/me/notifications", GetAsync);
        triage.MapPut("/me/notifications", PutAsync);
    }

    private static async Task<IResult> GetAsync(ClaimsPrincipal user, ITriageStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var maintainer = MaintainerId.Of(user);
        var preferences = await store.GetMaintainerNotificationsAsync(maintainer, cancellationToken)
            ?? MaintainerNotifications.None(maintainer, MaintainerId.SignedInAddress(user), clock.GetUtcNow()) with { Name = ActorName.Of(user) };
        return Results.Ok(NotificationPreferencesView.From(preferences));
    }

    private static async Task<IResult> PutAsync(
        NotificationPreferencesRequest request, ClaimsPrincipal user, ITriageStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (preferences, errors) = request.Validate(MaintainerId.Of(user), ActorName.Of(user), clock.GetUtcNow());
        if (preferences is null)
        {
            return ProblemResults.Validation(errors);
        }

        await store.SaveMaintainerNotificationsAsync(preferences, cancellationToken);
        return Results.Ok(NotificationPreferencesView.From(preferences));
    }
}

/// <summary>The answer of <c>/api/v1/triage/me/notifications</c>; <c>assignedAs</c>: the name a report assigned to them carries.</summary>
public sealed record NotificationPreferencesView(
    string? Email,
    string? NewReportSeverity,
    bool SlaBreach,
    bool ReporterAnswered,
    bool HostResponded,
    bool Contested,
    string Delivery,
    string? AssignedAs)
{
    public static NotificationPreferencesView From(MaintainerNotifications p) =>
        new(p.Email, p.NewReportSeverity, p.SlaBreach, p.ReporterAnswered, p.HostResponded, p.Contested, p.Delivery.ToString(), p.Name);
}
