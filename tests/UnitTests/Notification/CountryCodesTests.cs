using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class CountryCodesTests
{
    [Fact]
    public void Every_officially_assigned_code_is_there_and_nothing_else()
    {
        Assert.Equal(249, CountryCodes.Assigned.Count);
        Assert.All(CountryCodes.Assigned, code => Assert.Matches("^[A-Z]{2}$", code));
    }

    [Theory]
    [InlineData("DE")]
    [InlineData("FR")]
    [InlineData("GB")]
    [InlineData("US")]
    [InlineData("SS")] // South Sudan, assigned 2011
    [InlineData("BQ")] // Bonaire, Sint Eustatius and Saba, assigned 2010
    [InlineData("AX")]
    public void Assigned_codes_are_accepted(string code) => Assert.True(CountryCodes.IsAssigned(code));

    [Theory]
    [InlineData("UK")] // exceptionally reserved
    [InlineData("EU")] // exceptionally reserved
    [InlineData("EL")] // indeterminately reserved
    [InlineData("XK")] // user-assigned (Kosovo)
    [InlineData("AN")] // withdrawn (Netherlands Antilles)
    [InlineData("de")] // ISO writes codes in upper case
    [InlineData("DEU")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused(string? code) => Assert.False(CountryCodes.IsAssigned(code));
}
