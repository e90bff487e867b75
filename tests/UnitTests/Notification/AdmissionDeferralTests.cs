using SafetyReports.Notification.Webhooks;

namespace SafetyReports.UnitTests.Notification;

public class AdmissionDeferralTests
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(7);

    [Fact]
    public void A_delivery_a_lane_took_stays_leased() => Assert.Null(AdmissionDeferral.For(Admission.Admitted, () => Drain));

    [Fact]
    public void A_newer_lease_a_waiting_delivery_took_over_is_never_released() =>
        Assert.Null(AdmissionDeferral.For(Admission.LeaseHandedOver, () => Drain));

    [Fact]
    public void A_full_lane_hands_the_delivery_back_until_it_will_have_drained() =>
        Assert.Equal(Drain, AdmissionDeferral.For(Admission.EndpointFull, () => Drain));

    [Fact]
    public void A_delivery_whose_attempt_started_is_handed_back_for_a_moment_not_left_leased() =>
        Assert.Equal(EndpointPace.MinDeferral, AdmissionDeferral.For(Admission.AlreadyAdmitted, () => Drain));
}
