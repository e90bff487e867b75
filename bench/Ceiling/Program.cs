using SafetyReports.Intake.Api;

// POST /api/v1/reports on bare Kestrel: the same body reading and JSON parsing as Intake, then 202 with a
// receipt of the same shape, and nothing stored. Intake's durable throughput is measured against this.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapPost("/api/v1/reports", async (HttpContext context) =>
{
    var body = await SubmissionBodyReader.ReadAsync(context.Request, context.RequestAborted);
    if (body.Request is null)
    {
        return Results.BadRequest();
    }

    var id = Guid.CreateVersion7();
    return Results.Json(new { id, statusToken = Convert.ToHexString(Guid.NewGuid().ToByteArray()), status = "received" },
        statusCode: StatusCodes.Status202Accepted);
});
app.MapGet("/health/ready", () => Results.Ok());
app.Run();
