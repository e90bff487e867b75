using System.Reflection;
using System.Text.RegularExpressions;
using SafetyReports.Identity.Admin;
using SafetyReports.Notification.Api;

namespace SafetyReports.UnitTests;

/// <summary>
/// In .NET, <c>$</c> also matches before a final <c>\n</c>, so <c>^[a-z0-9]…$</c> accepted <c>"hub-a\n"</c> as an id:
/// every pattern ends with <c>\z</c> (the very end) instead.
/// </summary>
public class RegexAnchorTests
{
    private static readonly Assembly[] Services =
    [
        typeof(SafetyReports.Intake.ReportIntake).Assembly, typeof(SafetyReports.Triage.TriageReports).Assembly,
        typeof(HostRequestValidator).Assembly, typeof(MachineClientRules).Assembly, typeof(SafetyReports.Portal.PortalOptions).Assembly,
        typeof(SafetyReports.ServiceDefaults.Text.TextRules).Assembly, typeof(SafetyReports.AuditTool.AuditToolProgram).Assembly,
    ];

    public static TheoryData<string> Patterns()
    {
        var patterns = Services
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetCustomAttributes<GeneratedRegexAttribute>())
            .Select(a => a.Pattern)
            .Distinct();
        return new TheoryData<string>(patterns);
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void No_pattern_uses_a_dollar_that_matches_before_a_trailing_newline(string pattern) =>
        Assert.DoesNotMatch(@"(?<!\\)\$", pattern);

    [Theory]
    [InlineData("hub-a\n")]
    [InlineData("hub-a\r\n")]
    public void Ids_with_a_trailing_newline_are_refused(string id)
    {
        Assert.False(HostRequestValidator.IsHostId(id));
        Assert.Equal(["clientId"], MachineClientRules.FindErrors(new CreateClientRequest(id, ["triage"], null)).Keys);
        Assert.Equal(["hostId"], MachineClientRules.FindErrors(new CreateClientRequest("hub-client", ["host"], id)).Keys);
        Assert.True(HostRequestValidator.IsHostId(id.TrimEnd()));
    }
}
