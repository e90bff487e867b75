namespace SafetyReports.Identity.Admin;

/// <summary>
/// Someone must always be able to manage maintainers: a change may not leave no admin who can sign
/// in. An active admin is one with the admin role who is not locked out.
/// </summary>
public static class LastAdminRule
{
    public const string Refusal = "This is the last admin who can sign in: make another user admin first.";

    public static bool WouldRemoveLastAdmin(int activeAdmins, bool isActiveAdmin, bool remainsActiveAdmin) =>
        isActiveAdmin && !remainsActiveAdmin && activeAdmins <= 1;
}
