using System.Diagnostics;
using System.Net;
using System.Text;

namespace SafetyReports.IntegrationTests.HostileInput;

/// <summary>What the portal answered to a form post: the page (or redirect) and what it says happened.</summary>
public sealed record PortalAnswer(ProbeAnswer Answer, string? Location)
{
    /// <summary>A Post/Redirect/Get to a page that will say "done", or a page showing a notice or a new secret.</summary>
    public bool Accepted =>
        Answer.Status == HttpStatusCode.Redirect && Location is { } to && to.Contains("done=", StringComparison.Ordinal)
        || Answer.Status == HttpStatusCode.OK && (Answer.Body.Contains("id=\"page-notice\"", StringComparison.Ordinal)
            || Answer.Body.Contains("id=\"subscription-secret\"", StringComparison.Ordinal)
            || Answer.Body.Contains("id=\"client-created\"", StringComparison.Ordinal));

    /// <summary>The page again with an alert or a field error beside an input.</summary>
    public bool ShowsAnError =>
        Answer.Body.Contains("id=\"page-errors\"", StringComparison.Ordinal) || Answer.Body.Contains("class=\"error-message\"", StringComparison.Ordinal);

    public override string ToString() =>
        $"{(int)Answer.Status} {Location} {Answer.Body[..Math.Min(Answer.Body.Length, 300)]}";
}

/// <summary>
/// Posts forms to the portal as a signed-in maintainer: the session's cookies and a valid antiforgery token,
/// the rest of the form as raw bytes (so a case can carry broken escapes). Synchronous, as FsCheck properties are.
/// </summary>
public sealed class PortalForms(HttpClient signedIn, string antiforgery) : IDisposable
{
    public string Antiforgery => antiforgery;

    /// <param name="form">The urlencoded fields after the token, already escaped (or deliberately not).</param>
    public PortalAnswer Post(string pathAndQuery, string form)
    {
        var body = $"__RequestVerificationToken={Uri.EscapeDataString(antiforgery)}" + (form.Length == 0 ? "" : "&" + form);
        return Send(new HttpRequestMessage(HttpMethod.Post, pathAndQuery)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        });
    }

    public PortalAnswer Get(string pathAndQuery) => Send(new HttpRequestMessage(HttpMethod.Get, pathAndQuery));

    private PortalAnswer Send(HttpRequestMessage request)
    {
        var clock = Stopwatch.StartNew();
        using var response = signedIn.Send(request);
        using var reader = new StreamReader(response.Content.ReadAsStream());
        var text = reader.ReadToEnd();
        clock.Stop();
        return new PortalAnswer(
            new ProbeAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text, clock.Elapsed),
            response.Headers.Location?.OriginalString);
    }

    /// <summary>No 5xx, in bounded time; a page (HTML) or Kestrel's own refusal, or a redirect that stays in the portal.</summary>
    public static void AssertPageAnswer(PortalAnswer answer)
    {
        HttpProbe.AssertNoServerError(answer.Answer);
        if (answer.Answer.Status == HttpStatusCode.Redirect)
        {
            Assert.True(answer.Location is { } to && to.StartsWith("/portal", StringComparison.Ordinal), $"redirected to {answer.Location}");
        }
        else if (!HttpProbe.IsProtocolRejection(answer.Answer) && answer.Answer.Body.Length > 0)
        {
            Assert.True(answer.Answer.MediaType is "text/html" or "application/problem+json", answer.ToString());
        }
    }

    public void Dispose() => signedIn.Dispose();
}
