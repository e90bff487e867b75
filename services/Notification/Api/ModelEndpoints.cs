using SafetyReports.Notification.Storage;

namespace SafetyReports.Notification.Api;

/// <summary>
/// Model identity. Hosts publish what they serve (a manifest of file digests per model, host API); maintainers read a model's
/// manifest and aliases and link models across hosts as aliases. A model id with a slash (<c>org/name</c>) is one path
/// segment, its slash encoded as <c>%2F</c>.
/// </summary>
public static class ModelEndpoints
{
    public static void MapModelEndpoints(this IEndpointRouteBuilder app)
    {
        var host = app.MapGroup("/api/v1/host/models").RequireAuthorization(Scopes.Host).WithTags("Host API");
        host.MapPut("/{modelId}/files", PublishAsync);
        host.MapGet("/{modelId}/files", ReadOwnAsync);

        var maintainers = app.MapGroup("/api/v1/hosts/{hostId}/models").RequireAuthorization(Scopes.Triage).WithTags("Models");
        maintainers.MapGet("/{modelId}", ReadAsync);
        maintainers.MapPost("/{modelId}/aliases", LinkAsync);
        maintainers.MapDelete("/{modelId}/aliases", UnlinkAsync);
    }

    /// <summary>The model id of a path segment: routing decodes every escape but <c>%2F</c>, which a model id's slash arrives as.</summary>
    public static string FromPath(string segment) => segment.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    private static async Task<IResult> PublishAsync(
        string modelId, JsonElement body, ClaimsPrincipal user, IHostStore hosts, ModelManifests manifests, CancellationToken cancellationToken)
    {
        if (HostAccess.OwnHost(user) is not { } hostId || await hosts.GetHostAsync(hostId, cancellationToken) is null)
        {
            return NoHost();
        }

        var id = FromPath(modelId);
        var errors = JsonFields.NotAnObject(body) ?? [];
        if (ModelIds.Problem(id) is { } problem)
        {
            errors["modelId"] = [problem];
        }

        var digests = errors.ContainsKey("") ? null : ReadDigests(body, errors);
        if (errors.Count > 0 || digests is null)
        {
            return ProblemResults.Validation(errors);
        }

        return Results.Ok(ManifestView.Of(await manifests.PublishAsync(hostId, id, digests, cancellationToken)));
    }

    private static async Task<IResult> ReadOwnAsync(string modelId, ClaimsPrincipal user, IModelStore models, CancellationToken cancellationToken) =>
        HostAccess.OwnHost(user) is { } hostId && await models.GetManifestAsync(hostId, FromPath(modelId), cancellationToken) is { } manifest
            ? Results.Ok(ManifestView.Of(manifest))
            : NoManifest();

    private static async Task<IResult> ReadAsync(string hostId, string modelId, IHostStore hosts, IModelStore models, CancellationToken cancellationToken)
    {
        var id = FromPath(modelId);
        if (await hosts.GetHostAsync(hostId, cancellationToken) is null || ModelIds.Problem(id) is not null)
        {
            return NoHost();
        }

        return Results.Ok(await ModelViewAsync(hostId, id, models, cancellationToken));
    }

    private static async Task<IResult> LinkAsync(
        string hostId, string modelId, JsonElement body, ClaimsPrincipal user, IHostStore hosts, IModelStore models, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var id = FromPath(modelId);
        if (await hosts.GetHostAsync(hostId, cancellationToken) is null || ModelIds.Problem(id) is not null)
        {
            return NoHost();
        }

        var errors = JsonFields.NotAnObject(body) ?? [];
        var otherHost = errors.Count == 0 ? JsonFields.Text(body, "host", errors, 100, required: true) : null;
        var otherModel = errors.Count == 0 ? JsonFields.Text(body, "modelId", errors, ModelIds.MaxLength, required: true) : null;
        if (otherModel is not null && ModelIds.Problem(otherModel) is { } problem)
        {
            errors["modelId"] = [problem];
        }

        if (otherHost is not null && !errors.ContainsKey("host") && await hosts.GetHostAsync(otherHost, cancellationToken) is null)
        {
            errors["host"] = ["No host with this id."];
        }

        if (errors.Count == 0 && otherHost == hostId && otherModel == id)
        {
            errors["modelId"] = ["A model is not an alias of itself."];
        }

        if (errors.Count > 0 || otherHost is null || otherModel is null)
        {
            return ProblemResults.Validation(errors);
        }

        await models.LinkAliasAsync(new ModelKey(hostId, id), new ModelKey(otherHost, otherModel), clock.GetUtcNow(), MaintainerName(user), cancellationToken);
        return Results.Ok(await ModelViewAsync(hostId, id, models, cancellationToken));
    }

    private static async Task<IResult> UnlinkAsync(string hostId, string modelId, IModelStore models, CancellationToken cancellationToken) =>
        await models.UnlinkAliasAsync(new ModelKey(hostId, FromPath(modelId)), cancellationToken)
            ? Results.NoContent()
            : ProblemResults.NotFound("This model is not linked to any other.");

    private static async Task<ModelView> ModelViewAsync(string hostId, string modelId, IModelStore models, CancellationToken cancellationToken)
    {
        var manifest = await models.GetManifestAsync(hostId, modelId, cancellationToken);
        var aliases = await models.GetAliasGroupAsync(new ModelKey(hostId, modelId), cancellationToken);
        return new ModelView(
            hostId, modelId, manifest is null ? null : ManifestView.Of(manifest),
            aliases.Where(a => a.Key != new ModelKey(hostId, modelId)).Select(AliasView.Of).ToList());
    }

    /// <summary>The <c>fileDigests</c> array: required (an empty one removes the manifest), checked by <see cref="FileDigests"/>.</summary>
    private static IReadOnlyList<string>? ReadDigests(JsonElement body, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetProperty("fileDigests", out var value) || value.ValueKind != JsonValueKind.Array)
        {
            errors["fileDigests"] = ["Required: an array of digests (sha256: and 64 hexadecimal digits each); [] removes the model."];
            return null;
        }

        var items = value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null).ToList();
        var check = FileDigests.Check(items, "fileDigests");
        foreach (var (field, problems) in check.Errors)
        {
            errors[field] = problems;
        }

        return check.IsValid ? check.Digests : null;
    }

    private static string MaintainerName(ClaimsPrincipal user) =>
        new[] { "name", ClaimTypes.Name, "sub", ClaimTypes.NameIdentifier, "client_id" }
            .Select(type => user.FindFirst(type)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "unknown";

    private static IResult NoManifest() => ProblemResults.NotFound("Your host published no files for this model.");

    private static IResult NoHost() => ProblemResults.NotFound("No host with this id.");
}

/// <summary>A published manifest.</summary>
public sealed record ManifestView(string ModelId, IReadOnlyList<string> FileDigests, DateTimeOffset PublishedAt)
{
    public static ManifestView Of(ModelManifest manifest) => new(manifest.ModelId, manifest.Digests, manifest.PublishedAt);
}

/// <summary>Another model linked to this one as the same model.</summary>
public sealed record AliasView(string Host, string ModelId, DateTimeOffset LinkedAt, string LinkedBy)
{
    public static AliasView Of(ModelAlias alias) => new(alias.HostId, alias.ModelId, alias.LinkedAt, alias.LinkedBy);
}

/// <summary>A model as the maintainers see it: its manifest (null when its host published none) and its aliases on other hosts.</summary>
public sealed record ModelView(string Host, string ModelId, ManifestView? Manifest, IReadOnlyList<AliasView> Aliases);
