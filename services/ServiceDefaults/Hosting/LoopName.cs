namespace SafetyReports.ServiceDefaults.Hosting;

/// <summary>A type's name as a reader would write it: <c>OutboxDispatcher&lt;ITriageStore&gt;</c>, not <c>OutboxDispatcher`1</c>.</summary>
public static class LoopName
{
    public static string Of(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Of))}>";
    }
}
