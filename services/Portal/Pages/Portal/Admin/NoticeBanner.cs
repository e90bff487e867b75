namespace SafetyReports.Portal.Pages.Portal.Admin;

/// <summary>
/// The banner admins see on every portal page while webhook subscriptions stay disabled automatically:
/// nothing when there are none, else a count and a link to <c>/portal/admin/notices</c>.
/// </summary>
public sealed record NoticeBanner(string MessageKey, int Count)
{
    public const string NoticesPath = "/portal/admin/notices";

    /// <summary>Null when there is nothing to say.</summary>
    public static NoticeBanner? For(int disabledAutomatically) => disabledAutomatically switch
    {
        <= 0 => null,
        1 => new NoticeBanner("NoticeBanner_One", 1),
        _ => new NoticeBanner("NoticeBanner_Many", disabledAutomatically),
    };
}
