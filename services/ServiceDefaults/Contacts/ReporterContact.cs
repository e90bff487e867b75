namespace SafetyReports.ServiceDefaults.Contacts;

public sealed record ReporterContact(string? Name, string? Email)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Email);
}
