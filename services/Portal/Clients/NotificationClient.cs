namespace SafetyReports.Portal.Clients;

/// <summary>The Notification admin API (scope <c>notifications:admin</c>) as the signed-in admin.</summary>
public sealed class NotificationClient(ApiCaller api)
{
    /// <summary>The list of hosts. Older Notification versions have no such endpoint: then the answer is NotFound (404/405).</summary>
    public async Task<ApiResult<HostList>> ListHostsAsync(CancellationToken cancellationToken)
    {
        var result = await api.GetAsync<HostList>("/api/v1/hosts", cancellationToken);
        return result.Problem is { Status: 405 } problem
            ? ApiResult<HostList>.Failed(problem with { Outcome = ApiOutcome.NotFound })
            : result;
    }

    public Task<ApiResult<HostView>> GetHostAsync(string? hostId, CancellationToken cancellationToken) =>
        ApiPath.Segment(hostId) is { } id
            ? api.GetAsync<HostView>($"/api/v1/hosts/{id}", cancellationToken)
            : Task.FromResult(ApiPath.NotFound<HostView>());

    public Task<ApiResult<HostView>> CreateHostAsync(CreateHostBody body, CancellationToken cancellationToken) =>
        api.PostAsync<HostView>("/api/v1/hosts", body, cancellationToken);

    public Task<ApiResult<SubscriptionSecret>> CreateSubscriptionAsync(string? hostId, CreateSubscriptionBody body, CancellationToken cancellationToken) =>
        ApiPath.Segment(hostId) is { } id
            ? api.PostAsync<SubscriptionSecret>($"/api/v1/hosts/{id}/subscriptions", body, cancellationToken)
            : Task.FromResult(ApiPath.NotFound<SubscriptionSecret>());

    public Task<ApiResult<SubscriptionView>> EditSubscriptionAsync(Guid subscriptionId, EditSubscriptionBody body, CancellationToken cancellationToken) =>
        api.SendAsync<SubscriptionView>(HttpMethod.Patch, $"/api/v1/subscriptions/{subscriptionId}", body, cancellationToken);

    /// <summary>Subscriptions disabled automatically, most recent first (admins only).</summary>
    public Task<ApiResult<NoticeList>> NoticesAsync(int limit, CancellationToken cancellationToken) =>
        api.GetAsync<NoticeList>($"/api/v1/notices?limit={limit}", cancellationToken);

    public Task<ApiResult<SubscriptionView>> EnableAsync(Guid subscriptionId, CancellationToken cancellationToken) =>
        api.PostAsync<SubscriptionView>($"/api/v1/subscriptions/{subscriptionId}/enable", null, cancellationToken);

    public Task<ApiResult<SubscriptionView>> DisableAsync(Guid subscriptionId, CancellationToken cancellationToken) =>
        api.PostAsync<SubscriptionView>($"/api/v1/subscriptions/{subscriptionId}/disable", null, cancellationToken);

    public Task<ApiResult<SubscriptionSecret>> RotateSecretAsync(Guid subscriptionId, CancellationToken cancellationToken) =>
        api.PostAsync<SubscriptionSecret>($"/api/v1/subscriptions/{subscriptionId}/rotate-secret", null, cancellationToken);

    public Task<ApiResult<TestDelivery>> SendTestAsync(Guid subscriptionId, CancellationToken cancellationToken) =>
        api.PostAsync<TestDelivery>($"/api/v1/subscriptions/{subscriptionId}/test", null, cancellationToken);

    public Task<ApiResult<DeliveryList>> DeliveriesAsync(string? hostId, DeliveryFilter filter, CancellationToken cancellationToken) =>
        ApiPath.Segment(hostId) is { } id
            ? api.GetAsync<DeliveryList>($"/api/v1/hosts/{id}/deliveries{filter.ToQueryString()}", cancellationToken)
            : Task.FromResult(ApiPath.NotFound<DeliveryList>());

    public Task<ApiResult<NoContent>> ReplayAsync(Guid deliveryId, CancellationToken cancellationToken) =>
        api.PostAsync<NoContent>($"/api/v1/deliveries/{deliveryId}/replay", null, cancellationToken);

    public Task<ApiResult<RecoverResult>> RecoverAsync(Guid subscriptionId, RecoverBody body, CancellationToken cancellationToken) =>
        api.PostAsync<RecoverResult>($"/api/v1/subscriptions/{subscriptionId}/recover", body, cancellationToken);
}
