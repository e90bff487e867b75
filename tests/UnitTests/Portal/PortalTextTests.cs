using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SafetyReports.Contracts;
using SafetyReports.Portal;
using SafetyReports.Portal.Clients;

namespace SafetyReports.UnitTests.Portal;

/// <summary>Every string the portal asks for exists in Resources/PortalText.resx.</summary>
public partial class PortalTextTests
{
    [GeneratedRegex("""(?:\bT|\bText)\[\s*"([A-Za-z0-9_]+)"\s*[\],]""")]
    private static partial Regex LiteralKey();

    private static IStringLocalizer<PortalText> Localizer() =>
        new StringLocalizer<PortalText>(new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    [Fact]
    public void Every_key_the_portal_uses_has_a_string()
    {
        var portal = Path.Combine(FindRoot(), "services", "Portal");
        var sources = Directory.EnumerateFiles(portal, "*.*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal));
        var literal = sources.SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.True(literal.Count > 100, $"found only {literal.Count} keys: is the pattern still right?");

        // Keys built from values: statuses, moves, severities, evidence kinds, delivery states, ReportActions' message keys, done messages.
        var built = ReportStatuses.All.SelectMany(s => new[] { $"Status_{s}", $"Move_{s}", $"Done_moved_{s}" })
            .Concat(Severities.All.Select(s => $"Severity_{s}"))
            .Concat(EvidenceKinds.All.Select(k => $"EvidenceKind_{k}"))
            .Concat(WebhookEventNames.DeliveryStatuses.Select(s => $"Delivery_{s}"))
            .Concat(new[] { "gone", "failing" }.Select(r => $"DisabledReason_{r}"))
            .Concat(new[] { 1, 2 }.Select(n => SafetyReports.Portal.Pages.Portal.Admin.NoticeBanner.For(n)!.MessageKey))
            .Concat(["Bulk_rejected", "Bulk_conflict", "Bulk_not_found"])
            .Concat(SafetyReports.Portal.Pages.Portal.Admin.UsersModel.NewUserRoles.Select(SafetyReports.Portal.Pages.Portal.Admin.UsersModel.RoleLabelKey))
            .Concat(HostResponseActions.All.Select(a => $"Action_{a}"))
            .Concat(new[] { "notified", "acknowledged", "responded" }.Select(s => $"LogLeaf_{s}"))
            .Concat(DecisionGrounds.All.Select(g => $"DecisionGround_{g}"))
            .Concat(new[] { ContestView.Open, ContestView.Forwarded, ContestView.Closed }.Select(s => $"ContestState_{s}"))
            .Concat(["Error_EvidenceIndex", "Error_Required", "Error_UnknownChoice", "Error_DateTime", "Error_ChooseYesNo", "Yes", "No", "NotStated"])
            .Concat(["Error_TransitionNotOffered", "Error_ReasonRequired", "Error_QuestionRequired", "Error_DuplicateOfRequired",
                "Error_SeverityRequired", "Error_SeverityUnknown", "Error_TooLong"])
            .Concat(new[] { "claimed", "assigned", "unassigned", "classified", "noted", "user_created", "roles_saved", "user_locked", "user_unlocked",
                "client_deleted", "host_created", "subscription_enabled", "subscription_disabled", "test_sent", "replayed", "subscription_edited",
                "acknowledged", "responded", "message_sent", "notice_changed", "notice_unchanged", "contest_forwarded", "contest_closed", "host_message_sent" }.Select(d => $"Done_{d}"));

        var text = Localizer();
        var missing = literal.Concat(built).Where(k => text[k].ResourceNotFound).Order().ToList();
        Assert.Empty(missing);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SafetyReports.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
