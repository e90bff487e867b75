using SafetyReports.Identity.Admin;

namespace SafetyReports.UnitTests.Identity;

public class LastAdminRuleTests
{
    [Theory]
    // activeAdmins, isActiveAdmin, remainsActiveAdmin, refused
    [InlineData(1, true, false, true)]
    [InlineData(0, true, false, true)]
    [InlineData(2, true, false, false)]
    [InlineData(1, true, true, false)]
    [InlineData(1, false, false, false)]
    [InlineData(1, false, true, false)]
    public void Only_a_change_that_leaves_no_active_admin_is_refused(int activeAdmins, bool isActiveAdmin, bool remainsActiveAdmin, bool refused)
    {
        Assert.Equal(refused, LastAdminRule.WouldRemoveLastAdmin(activeAdmins, isActiveAdmin, remainsActiveAdmin));
    }
}
