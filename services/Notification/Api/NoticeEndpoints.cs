using SafetyReports.Notification.Storage;

namespace SafetyReports.Notification.Api;

/// <summary>What the admins should look at: subscriptions Notification disabled on its own, until someone enables them again.</summary>
public static class NoticeEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 200;

    public static void MapNoticeEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1").RequireAuthorization(Scopes.NotificationsAdmin).WithTags("Notices")
            .MapGet("/notices", ListNoticesAsync);

    private static async Task<IResult> ListNoticesAsync(int? limit, ISubscriptionStore subscriptions, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["limit"] = [$"From 1 to {MaxLimit}."] });
        }

        var disabled = await subscriptions.GetAutoDisabledSubscriptionsAsync(limit ?? DefaultLimit, cancellationToken);
        return Results.Ok(new NoticeList(disabled.Items.Select(SubscriptionDisabledNotice.From).ToList(), disabled.Total));
    }
}
