namespace SafetyReports.Identity.Site;

public static class LoginPaths
{
    public const string Login = "/account/login";
    public const string Logout = "/account/logout";
    public const string ReturnUrlParameter = "ReturnUrl";
}
