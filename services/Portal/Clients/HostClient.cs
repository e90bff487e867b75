namespace SafetyReports.Portal.Clients;

/// <summary>
/// The host API (Notification, scope <c>host</c>) as the signed-in host user: the token names the host, so every
/// call sees that host's reports only (another host's report is a 404, as an unknown one).
/// </summary>
public sealed class HostClient(ApiCaller api)
{
    public const int PageSize = 50;

    private const string Reports = "/api/v1/host/reports";

    public Task<ApiResult<HostReportPage>> ListAsync(string? cursor, CancellationToken cancellationToken) =>
        api.GetAsync<HostReportPage>(Reports + UrlQuery.Build([("cursor", cursor), ("limit", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))]), cancellationToken);

    public Task<ApiResult<HostReport>> GetAsync(Guid id, CancellationToken cancellationToken) =>
        api.GetAsync<HostReport>($"{Reports}/{id}", cancellationToken);

    public Task<ApiResult<NoContent>> AcknowledgeAsync(Guid id, AcknowledgeBody body, CancellationToken cancellationToken) =>
        api.PostAsync<NoContent>($"{Reports}/{id}/acknowledge", body, cancellationToken);

    public Task<ApiResult<NoContent>> RespondAsync(Guid id, HostResponseBody body, CancellationToken cancellationToken) =>
        api.PostAsync<NoContent>($"{Reports}/{id}/response", body, cancellationToken);

    public Task<ApiResult<ThreadMessageList>> MessagesAsync(Guid id, CancellationToken cancellationToken) =>
        api.GetAsync<ThreadMessageList>($"{Reports}/{id}/messages", cancellationToken);

    public Task<ApiResult<NoContent>> SendMessageAsync(Guid id, MessageBody body, CancellationToken cancellationToken) =>
        api.PostAsync<NoContent>($"{Reports}/{id}/messages", body, cancellationToken);
}
