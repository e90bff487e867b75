using System.Net.Http.Json;
using Microsoft.Extensions.Logging;

namespace SafetyReports.Portal.Clients;

/// <summary>
/// One API call and its answer as an <see cref="ApiResult{T}"/>. Logs only the method, the path without
/// its query (which may hold search words) and the status: never a token, a body or reporter contact.
/// </summary>
public sealed partial class ApiCaller(HttpClient http, ILogger logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Get, path, null, cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Post, path, body, cancellationToken);

    public async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }
        else if (method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(new { }, options: Json);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                if (typeof(T) == typeof(NoContent))
                {
                    return ApiResult<T>.Ok((T)(object)NoContent.Value);
                }

                if (typeof(T) == typeof(ApiFile))
                {
                    var disposition = response.Content.Headers.ContentDisposition;
                    var file = new ApiFile(await response.Content.ReadAsByteArrayAsync(cancellationToken),
                        response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream",
                        disposition?.FileNameStar ?? disposition?.FileName?.Trim('"') ?? "file");
                    return ApiResult<T>.Ok((T)(object)file);
                }

                var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
                return value is null
                    ? ApiResult<T>.Failed(ApiProblem.Unavailable("The service answered with an empty body."))
                    : ApiResult<T>.Ok(value);
            }

            var problem = ProblemMapper.Map(status, await response.Content.ReadAsStringAsync(cancellationToken));
            if (problem.Outcome is ApiOutcome.Unavailable or ApiOutcome.Unauthorized or ApiOutcome.Forbidden)
            {
                LogAnswered(logger, method.Method, PathOnly(path), status);
            }

            return ApiResult<T>.Failed(problem);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or NotSupportedException
                                       or TaskCanceledException { InnerException: TimeoutException })
        {
            LogFailed(logger, method.Method, PathOnly(path), ex.GetType().Name);
            return ApiResult<T>.Failed(ApiProblem.Unavailable("The service could not be reached or answered unexpectedly."));
        }
    }

    private static string PathOnly(string path) => path.Split('?', 2)[0];

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered {Status}.")]
    private static partial void LogAnswered(ILogger logger, string method, string path, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} failed: {Error}.")]
    private static partial void LogFailed(ILogger logger, string method, string path, string error);
}

/// <summary>A download's bytes, type and file name.</summary>
public sealed record ApiFile(byte[] Content, string MediaType, string FileName);

/// <summary>The value of a call whose answer has no body worth reading (204, 202).</summary>
public sealed record NoContent
{
    public static readonly NoContent Value = new();
}
