using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SafetyReports.ServiceDefaults.Hosting;

namespace SafetyReports.UnitTests.ServiceDefaults;

/// <summary>Found by IdentityHostileInputTests: a NUL in a /connect/token form made OpenIddict's form read throw (a 500).</summary>
public class UndecodableFormAnswerTests
{
    private static readonly UndecodableFormAnswer Answer = new("application/json", """{"error":"invalid_request"}""");

    [Theory]
    [InlineData("grant_type=client_credentials&username=%00")]
    [InlineData("client_id=%00x")]
    public async Task An_undecodable_form_to_a_marked_endpoint_is_answered_400_without_going_on(string body)
    {
        var (context, wentOn) = await RunAsync(body, marked: true);
        Assert.False(wentOn);
        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        Assert.Equal("application/json", context.Response.ContentType);
    }

    [Fact]
    public async Task A_decodable_form_or_an_unmarked_endpoint_goes_on()
    {
        Assert.True((await RunAsync("grant_type=client_credentials&client_id=a%20b", marked: true)).WentOn);
        Assert.True((await RunAsync("username=%00", marked: false)).WentOn);
    }

    private static async Task<(HttpContext Context, bool WentOn)> RunAsync(string body, bool marked)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Body = new MemoryStream(Encoding.ASCII.GetBytes(body));
        context.Response.Body = new MemoryStream();
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, marked ? new EndpointMetadataCollection(Answer) : EndpointMetadataCollection.Empty, "test"));
        var wentOn = false;
        var app = new ApplicationBuilder(new EmptyServices());
        UndecodableFormAnswer.UseUndecodableFormAnswers(app);
        app.Run(_ =>
        {
            wentOn = true;
            return Task.CompletedTask;
        });
        await app.Build()(context);
        return (context, wentOn);
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
