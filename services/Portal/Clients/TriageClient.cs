namespace SafetyReports.Portal.Clients;

/// <summary>The Triage API (scope <c>triage</c>) as the signed-in maintainer.</summary>
public sealed class TriageClient(ApiCaller api)
{
    private const string Reports = "/api/v1/triage/reports";

    public Task<ApiResult<ReportListPage>> ListAsync(QueueQuery query, CancellationToken cancellationToken) =>
        api.GetAsync<ReportListPage>(Reports + query.ToApiQueryString(), cancellationToken);

    public Task<ApiResult<StatusCounts>> CountsAsync(QueueQuery query, CancellationToken cancellationToken) =>
        api.GetAsync<StatusCounts>(Reports + "/counts" + query.ToCountsQueryString(), cancellationToken);

    /// <summary>Every host with a triaged report over the API's default period, nothing withheld.</summary>
    public Task<ApiResult<AccountabilityFigures>> AccountabilityHostsAsync(CancellationToken cancellationToken) =>
        api.GetAsync<AccountabilityFigures>("/api/v1/triage/accountability/hosts", cancellationToken);

    public Task<ApiResult<ReportDetail>> GetAsync(Guid id, CancellationToken cancellationToken) =>
        api.GetAsync<ReportDetail>($"{Reports}/{id}", cancellationToken);

    /// <summary>One of the report's evidence files (Triage answers it as an attachment).</summary>
    public Task<ApiResult<ApiFile>> EvidenceFileAsync(Guid id, Guid fileId, CancellationToken cancellationToken) =>
        api.GetAsync<ApiFile>($"{Reports}/{id}/files/{fileId}", cancellationToken);

    /// <summary>The report's audit entries, oldest first; read from a bare array or an <c>items</c> wrapper.</summary>
    public async Task<ApiResult<IReadOnlyList<AuditEntryView>>> AuditAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await api.GetAsync<JsonElement>($"{Reports}/{id}/audit", cancellationToken);
        if (!result.IsOk)
        {
            return ApiResult<IReadOnlyList<AuditEntryView>>.Failed(result.Problem!);
        }

        var list = result.Value.ValueKind == JsonValueKind.Array ? result.Value
            : result.Value.ValueKind == JsonValueKind.Object && result.Value.TryGetProperty("items", out var items) ? items
            : default;
        return list.ValueKind == JsonValueKind.Array
            ? ApiResult<IReadOnlyList<AuditEntryView>>.Ok(list.Deserialize<List<AuditEntryView>>(ApiCaller.Json) ?? [])
            : ApiResult<IReadOnlyList<AuditEntryView>>.Failed(ApiProblem.Unavailable("The audit answer was not a list."));
    }

    public Task<ApiResult<ReportDetail>> TransitionAsync(Guid id, TransitionBody body, CancellationToken cancellationToken) =>
        api.PostAsync<ReportDetail>($"{Reports}/{id}/transitions", body, cancellationToken);

    public Task<ApiResult<ReportDetail>> AssignAsync(Guid id, AssignmentBody body, CancellationToken cancellationToken) =>
        api.PostAsync<ReportDetail>($"{Reports}/{id}/assignment", body, cancellationToken);

    public Task<ApiResult<ReportDetail>> ClassifyAsync(Guid id, ClassificationBody body, CancellationToken cancellationToken) =>
        api.PostAsync<ReportDetail>($"{Reports}/{id}/classification", body, cancellationToken);

    /// <summary>Removes one of the report's evidence files, its bytes included (admins only).</summary>
    public Task<ApiResult<ReportDetail>> RedactFileAsync(Guid id, Guid fileId, long expectedVersion, CancellationToken cancellationToken) =>
        api.PostAsync<ReportDetail>($"{Reports}/{id}/redactions", new FieldRedactionBody([$"files/{fileId}"], expectedVersion), cancellationToken);

    /// <summary>Shares one of the report's evidence files with the host, or stops sharing it.</summary>
    public Task<ApiResult<ReportDetail>> ShareFileAsync(Guid id, Guid fileId, bool shared, long expectedVersion, CancellationToken cancellationToken) =>
        api.SendAsync<ReportDetail>(HttpMethod.Put, $"{Reports}/{id}/files/{fileId}/sharing", new FileSharingBody(shared, expectedVersion), cancellationToken);

    public Task<ApiResult<ReportDetail>> RedactAsync(Guid id, RedactionBody body, CancellationToken cancellationToken) =>
        api.PostAsync<ReportDetail>($"{Reports}/{id}/redactions", body, cancellationToken);

    public Task<ApiResult<ReportDetail>> AddNoteAsync(Guid id, NoteBody body, CancellationToken cancellationToken) =>
        api.PostAsync<ReportDetail>($"{Reports}/{id}/notes", body, cancellationToken);

    /// <summary>The report afterwards: the same version when the choice was the one on record (nothing changed).</summary>
    public Task<ApiResult<ReportDetail>> ChangeNoticeAsync(Guid id, NoticeChangeBody body, CancellationToken cancellationToken) =>
        api.SendAsync<ReportDetail>(HttpMethod.Put, $"{Reports}/{id}/notice", body, cancellationToken);

    public Task<ApiResult<NoContent>> ForwardContestAsync(Guid id, Guid contestId, ForwardContestBody body, CancellationToken cancellationToken) =>
        api.PostAsync<NoContent>($"{Reports}/{id}/contests/{contestId}/forward", body, cancellationToken);

    public Task<ApiResult<NoContent>> CloseContestAsync(Guid id, Guid contestId, CloseContestBody body, CancellationToken cancellationToken) =>
        api.PostAsync<NoContent>($"{Reports}/{id}/contests/{contestId}/close", body, cancellationToken);

    /// <summary>Replaces the report's model digests (the whole list).</summary>
    public Task<ApiResult<ReportDetail>> ChangeModelDigestsAsync(Guid id, ModelDigestsBody body, CancellationToken cancellationToken) =>
        api.SendAsync<ReportDetail>(HttpMethod.Put, $"{Reports}/{id}/model/digests", body, cancellationToken);

    /// <summary>Sends the report to the host of a re-upload it has not reached.</summary>
    public Task<ApiResult<ReportDetail>> ShareWithHostAsync(Guid id, ShareWithHostBody body, CancellationToken cancellationToken) =>
        api.PostAsync<ReportDetail>($"{Reports}/{id}/hosts", body, cancellationToken);

    /// <summary>The maintainers write to the report's host on its thread.</summary>
    public Task<ApiResult<NoContent>> SendHostMessageAsync(Guid id, MessageBody body, CancellationToken cancellationToken) =>
        api.PostAsync<NoContent>($"{Reports}/{id}/host-messages", body, cancellationToken);

    public Task<ApiResult<SimilarityView>> SimilarAsync(Guid id, CancellationToken cancellationToken) =>
        api.GetAsync<SimilarityView>($"{Reports}/{id}/similar", cancellationToken);

    /// <summary>Every other report of the cluster becomes a duplicate of this one.</summary>
    public Task<ApiResult<ClusterMergeResponse>> MergeClusterAsync(Guid id, ClusterMergeBody body, CancellationToken cancellationToken) =>
        api.PostAsync<ClusterMergeResponse>($"{Reports}/{id}/cluster/merge", body, cancellationToken);

    /// <summary>The burst around this report is real: its held members are counted in the public figures again.</summary>
    public Task<ApiResult<BurstConfirmResponse>> ConfirmBurstAsync(Guid id, CancellationToken cancellationToken) =>
        api.PostAsync<BurstConfirmResponse>($"{Reports}/{id}/cluster/confirm", new { }, cancellationToken);

    public Task<ApiResult<BulkRejectResponse>> BulkRejectAsync(BulkRejectBody body, CancellationToken cancellationToken) =>
        api.PostAsync<BulkRejectResponse>(Reports + "/bulk-reject", body, cancellationToken);

    /// <summary>The advisory published from the report; a NotFound problem when none was.</summary>
    public Task<ApiResult<AdvisoryView>> AdvisoryAsync(Guid id, CancellationToken cancellationToken) =>
        api.GetAsync<AdvisoryView>($"{Reports}/{id}/advisory", cancellationToken);

    /// <summary>What publishing would serve; nothing is saved.</summary>
    public Task<ApiResult<AdvisoryView>> PreviewAdvisoryAsync(Guid id, AdvisoryBody body, CancellationToken cancellationToken) =>
        api.PostAsync<AdvisoryView>($"{Reports}/{id}/advisory/preview", body, cancellationToken);

    /// <summary>Publishes the report as an advisory, or its next revision.</summary>
    public Task<ApiResult<AdvisoryView>> PublishAdvisoryAsync(Guid id, AdvisoryBody body, CancellationToken cancellationToken) =>
        api.SendAsync<AdvisoryView>(HttpMethod.Put, $"{Reports}/{id}/advisory", body, cancellationToken);

    public Task<ApiResult<AdvisoryView>> WithdrawAdvisoryAsync(Guid id, AdvisoryWithdrawBody body, CancellationToken cancellationToken) =>
        api.PostAsync<AdvisoryView>($"{Reports}/{id}/advisory/withdraw", body, cancellationToken);

    /// <summary>The signed-in maintainer's own notification choices.</summary>
    public Task<ApiResult<NotificationPreferences>> NotificationsAsync(CancellationToken cancellationToken) =>
        api.GetAsync<NotificationPreferences>("/api/v1/triage/me/notifications", cancellationToken);

    public Task<ApiResult<NotificationPreferences>> SaveNotificationsAsync(NotificationPreferences body, CancellationToken cancellationToken) =>
        api.SendAsync<NotificationPreferences>(HttpMethod.Put, "/api/v1/triage/me/notifications", body, cancellationToken);
}
