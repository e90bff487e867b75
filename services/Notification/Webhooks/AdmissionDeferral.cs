namespace SafetyReports.Notification.Webhooks;

/// <summary>What the dispatcher does with a delivery it leased and its lanes did not take.</summary>
public static class AdmissionDeferral
{
    /// <returns>How long to hand the delivery back to the store for (its lease released), or null when a lane took it.</returns>
    /// <param name="whenLaneDrains">When the endpoint's full lane will have drained, at its recent pace.</param>
    public static TimeSpan? For(Admission admission, Func<TimeSpan> whenLaneDrains) => admission switch
    {
        Admission.Admitted => null,
        Admission.EndpointFull => whenLaneDrains(),
        // Mostly its previous attempt has recorded its outcome (due again at once: a replay, a recovery, a zero retry
        // delay) and not yet left its lane. Keeping the lease would park the delivery for the whole lease: look again shortly.
        _ => EndpointPace.MinDeferral,
    };
}
