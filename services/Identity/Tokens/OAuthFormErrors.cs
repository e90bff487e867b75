namespace SafetyReports.Identity.Tokens;

/// <summary>What the OAuth endpoints answer to a form they cannot decode: an OAuth error, as for any bad request.</summary>
public static class OAuthFormErrors
{
    public static readonly UndecodableFormAnswer Undecodable = new(
        "application/json;charset=UTF-8",
        """{"error":"invalid_request","error_description":"The request body is not a form that can be decoded."}""");
}
