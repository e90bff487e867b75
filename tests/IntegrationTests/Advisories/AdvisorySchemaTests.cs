namespace SafetyReports.IntegrationTests.Advisories;

/// <summary>The vendored schemas refuse what they should, so a served advisory that passes them means something.</summary>
public class AdvisorySchemaTests
{
    [Fact]
    public void Osv_refuses_an_id_without_a_database_prefix_a_time_with_an_offset_and_an_unknown_member()
    {
        Assert.Empty(AdvisorySchemas.Errors(AdvisorySchemas.Osv, """{"id":"x_SR-2026-0001","modified":"2026-12-07T10:00:00.000Z"}"""));
        Assert.NotEmpty(AdvisorySchemas.Errors(AdvisorySchemas.Osv, """{"id":"SR-2026-0001","modified":"2026-12-07T10:00:00.000Z"}"""));
        Assert.NotEmpty(AdvisorySchemas.Errors(AdvisorySchemas.Osv, """{"id":"x_SR-2026-0001","modified":"2026-12-07T10:00:00+00:00"}"""));
        Assert.NotEmpty(AdvisorySchemas.Errors(AdvisorySchemas.Osv, """{"id":"x_SR-2026-0001","modified":"2026-12-07T10:00:00Z","reporter":"x"}"""));
    }

    [Fact]
    public void Avid_refuses_an_unknown_artifact_type_and_a_bad_date_and_the_strict_form_an_unknown_member()
    {
        const string Valid = """{"data_type":"AVID","affects":{"developer":[],"deployer":["hub"],"artifacts":[{"type":"Model","name":"m"}]},"reported_date":"2026-12-07"}""";
        Assert.Empty(AdvisorySchemas.Errors(AdvisorySchemas.AvidStrict, Valid));
        Assert.NotEmpty(AdvisorySchemas.Errors(AdvisorySchemas.Avid, Valid.Replace("\"Model\"", "\"Weights\"")));
        Assert.NotEmpty(AdvisorySchemas.Errors(AdvisorySchemas.Avid, Valid.Replace("2026-12-07", "07/12/2026")));
        Assert.Empty(AdvisorySchemas.Errors(AdvisorySchemas.Avid, Valid.Replace("\"data_type\"", "\"contact\":\"x\",\"data_type\"")));
        Assert.NotEmpty(AdvisorySchemas.Errors(AdvisorySchemas.AvidStrict, Valid.Replace("\"data_type\"", "\"contact\":\"x\",\"data_type\"")));
    }
}
