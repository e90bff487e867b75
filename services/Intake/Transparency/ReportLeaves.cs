namespace SafetyReports.Intake.Transparency;

/// <summary>Reads Triage's answer to <c>GET /api/v1/transparency/log/leaves?report=</c>.</summary>
public static class ReportLeaves
{
    public const string ReceivedAction = "received";

    /// <summary>The index of the <c>received</c> leaf, or null when there is none or the body is not such an answer.</summary>
    public static long? Received(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("leaves", out var leaves) || leaves.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var leaf in leaves.EnumerateArray())
            {
                if (leaf.ValueKind == JsonValueKind.Object && leaf.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.String
                    && action.GetString() == ReceivedAction && leaf.TryGetProperty("index", out var index) && index.TryGetInt64(out var value))
                {
                    return value;
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
