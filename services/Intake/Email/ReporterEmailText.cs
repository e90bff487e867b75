namespace SafetyReports.Intake.Email;

/// <summary>
/// The resource class of the site's strings about e-mails (Resources/Email/ReporterEmailText.resx): the opt-in on the form,
/// the unsubscribe page, the status link. Inject <c>IStringLocalizer&lt;ReporterEmailText&gt;</c>.
/// </summary>
public sealed class ReporterEmailText;
