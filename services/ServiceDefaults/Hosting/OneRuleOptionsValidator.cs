namespace SafetyReports.ServiceDefaults.Hosting;

/// <summary>For options whose rules are one check (their own <c>IsValid</c>) with one message naming their keys.</summary>
public abstract class OneRuleOptionsValidator<TOptions>(Func<TOptions, bool> isValid, string failure) : OptionsValidator<TOptions>
    where TOptions : class
{
    protected override IEnumerable<string> Failures(TOptions options) => isValid(options) ? [] : [failure];
}
