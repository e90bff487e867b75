namespace SafetyReports.Portal.Pages.Portal.Admin;

/// <summary>
/// Renders <see cref="NoticeBanner"/> in the layout for admins. It asks Notification for one notice (it needs the
/// total only). An unreachable API, a refused token or an older Notification without notices shows no banner:
/// the page itself says what matters.
/// </summary>
public sealed class NoticeBannerViewComponent(NotificationClient notification) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!UserClaimsPrincipal.IsInRole(Roles.Admin))
        {
            return Content("");
        }

        var notices = await notification.NoticesAsync(1, HttpContext.RequestAborted);
        return notices.IsOk && NoticeBanner.For(notices.Value!.Total) is { } banner
            ? View("/Pages/Portal/Admin/_NoticeBanner.cshtml", banner)
            : Content("");
    }
}
