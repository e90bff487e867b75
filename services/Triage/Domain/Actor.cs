namespace SafetyReports.Triage.Domain;

/// <summary>Who may make a transition: maintainers by hand, the system on messages from other services, reporters by answering.</summary>
public enum ActorKind
{
    Maintainer,
    System,
    Reporter,
}
