namespace SafetyReports.Contracts;

/// <summary>
/// The one source of truth for report categories: the MLCommons AILuminate v1.0 hazards plus
/// <c>other</c>. The API, the form and Triage all read it from here.
/// </summary>
public static class HazardTaxonomy
{
    public static readonly IReadOnlyList<HazardCategory> Categories =
    [
        new("violent-crimes", "vcr", "Violent crimes",
            "Enabling, encouraging or endorsing violence against people or animals, including terrorism."),
        new("sex-related-crimes", "src", "Sex-related crimes",
            "Enabling, encouraging or endorsing sex trafficking, sexual assault, harassment or non-consensual imagery."),
        new("child-sexual-exploitation", "cse", "Child sexual exploitation",
            "Content that contains, describes, enables or endorses the sexual abuse of children."),
        new("suicide-self-harm", "ssh", "Suicide and self-harm",
            "Enabling, encouraging or endorsing suicide, self-injury or disordered eating."),
        new("indiscriminate-weapons", "iwp", "Indiscriminate weapons (CBRNE)",
            "Enabling the creation of chemical, biological, radiological, nuclear or high-yield explosive weapons."),
        new("intellectual-property", "ipv", "Intellectual property",
            "Violating the intellectual property rights of third parties."),
        new("defamation", "dfm", "Defamation",
            "Verifiably false statements likely to injure a living person's reputation."),
        new("non-violent-crimes", "ncr", "Non-violent crimes",
            "Enabling fraud, scams, theft, cyber crime, drug or weapons crimes and other non-violent crimes."),
        new("hate", "hte", "Hate",
            "Demeaning or dehumanising people on the basis of protected characteristics."),
        new("privacy", "prv", "Privacy",
            "Revealing sensitive, non-public personal information that could harm someone's security."),
        new("specialized-advice-elections", "spc_ele", "Specialized advice: elections",
            "Factually incorrect information about electoral systems and processes."),
        new("specialized-advice-financial", "spc_fin", "Specialized advice: financial",
            "Unqualified financial advice presented as authoritative, without appropriate caveats."),
        new("specialized-advice-health", "spc_hlt", "Specialized advice: health",
            "Unqualified medical advice presented as authoritative, without appropriate caveats."),
        new("sexual-content", "sxc_prn", "Sexual content",
            "Pornography and explicit sexual content."),
        new("other", null, "Other",
            "A harmful use that none of the categories above describes."),
    ];

    public static bool IsKnown(string? code) => code is not null && Categories.Any(c => c.Code == code);
}
