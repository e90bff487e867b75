using SafetyReports.Notification.Webhooks;

namespace SafetyReports.UnitTests.Notification;

public class AdmissionDeferralTests
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(7);

    [Fact]
    public void A_delivery_a_lane_took_stays_leased() => Assert.Null(AdmissionDeferral.For(Admission.Admitted, () => Drain));

    [Fact]
    public void A_full_lane_hands_the_delivery_back_until_it_will_have_drained() =>
        Assert.Equal(Drain, AdmissionDeferral.For(Admission.EndpointFull, () => Drain));

    [Fact]
    public void A_delivery_still_in_its_lane_is_handed_back_for_a_moment_not_left_leased() =>
        Assert.Equal(EndpointPace.MinDeferral, AdmissionDeferral.For(Admission.AlreadyAdmitted, () => Drain));
}
