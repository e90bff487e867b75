namespace SafetyReports.Notification.Webhooks;

/// <summary>What the dispatcher does with a delivery it leased and its lanes did not take.</summary>
public static class AdmissionDeferral
{
    /// <returns>
    /// How long to hand the delivery back to the store for (the lease just taken released), or null when a lane took it or
    /// took the new lease: a lease a lane holds is never released.
    /// </returns>
    /// <param name="whenLaneDrains">When the endpoint's full lane will have drained, at its recent pace.</param>
    public static TimeSpan? For(Admission admission, Func<TimeSpan> whenLaneDrains) => admission switch
    {
        Admission.Admitted or Admission.LeaseHandedOver => null,
        Admission.EndpointFull => whenLaneDrains(),
        // Its attempt started under an earlier lease: mostly it has recorded its outcome (due again at once: a replay, a
        // recovery, a zero retry delay) and not yet left its lane. No attempt here will use the lease just taken, and keeping
        // it would park the delivery for the whole lease: release it and look again shortly.
        _ => EndpointPace.MinDeferral,
    };
}
