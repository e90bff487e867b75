using System.Text.Json;
using SafetyReports.Notification.Api;
using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class HostResponseValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static HostResponseValidation Validate(string json) => HostResponseValidator.Validate(JsonDocument.Parse(json).RootElement, Now);

    [Fact]
    public void A_complete_statement_of_reasons_is_read_and_trimmed()
    {
        var result = Validate("""
            {"action":"restricted","scope":" the repository, in the EU ","until":"2027-01-01T00:00:00.1234567+01:00",
             "grounds":"Terms of service §4","automated":false,"note":"  "}
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(
            new HostResponse("restricted", "the repository, in the EU", new DateTimeOffset(2026, 12, 31, 23, 0, 0, 123, TimeSpan.Zero), "Terms of service §4", false, null),
            result.Response);
    }

    [Fact]
    public void No_action_and_disputed_need_no_scope_and_have_no_duration()
    {
        Assert.Equal(new HostResponse("no_action", null, null, "Not a violation of our terms", true, null),
            Validate("""{"action":"no_action","scope":null,"until":null,"grounds":"Not a violation of our terms","automated":true}""").Response);
        Assert.Equal(["until"],
            Validate("""{"action":"disputed","until":"2030-01-01T00:00:00Z","grounds":"g","automated":false}""").Errors.Keys);
    }

    [Theory]
    [InlineData("""{"scope":"s","grounds":"g","automated":false}""", "action")]
    [InlineData("""{"action":"deleted","scope":"s","grounds":"g","automated":false}""", "action")]
    [InlineData("""{"action":7,"scope":"s","grounds":"g","automated":false}""", "action")]
    [InlineData("""{"action":"removed","grounds":"g","automated":false}""", "scope")]
    [InlineData("""{"action":"removed","scope":"   ","grounds":"g","automated":false}""", "scope")]
    [InlineData("""{"action":"removed","scope":"s","automated":false}""", "grounds")]
    [InlineData("""{"action":"removed","scope":"s","grounds":"","automated":false}""", "grounds")]
    [InlineData("""{"action":"removed","scope":"s","grounds":"g\u0007","automated":false}""", "grounds")]
    [InlineData("""{"action":"removed","scope":"s","grounds":"g\u202e","automated":false}""", "grounds")]
    [InlineData("""{"action":"removed","scope":"s","grounds":"g"}""", "automated")]
    [InlineData("""{"action":"removed","scope":"s","grounds":"g","automated":"no"}""", "automated")]
    [InlineData("""{"action":"removed","scope":"s","grounds":"g","automated":false,"until":"soon"}""", "until")]
    [InlineData("""{"action":"removed","scope":"s","grounds":"g","automated":false,"until":"2020-01-01T00:00:00Z"}""", "until")]
    [InlineData("""{"action":"removed","scope":"s","grounds":"g","automated":false,"until":42}""", "until")]
    [InlineData("""{"action":"removed","scope":"s","grounds":"g","automated":false,"note":["x"]}""", "note")]
    public void Each_bad_field_is_named(string json, string field)
    {
        var result = Validate(json);
        Assert.Null(result.Response);
        Assert.Equal([field], result.Errors.Keys);
    }

    [Fact]
    public void Lengths_are_bounded()
    {
        var result = Validate(JsonSerializer.Serialize(new
        {
            action = "mitigated",
            scope = new string('s', HostResponseValidator.MaxScope + 1),
            grounds = new string('g', HostResponseValidator.MaxGrounds + 1),
            automated = false,
            note = new string('n', HostResponseValidator.MaxNote + 1),
        }));
        Assert.Equal(["grounds", "note", "scope"], result.Errors.Keys.Order());
    }

    [Fact]
    public void A_body_that_is_not_an_object_is_refused()
    {
        Assert.Single(Validate("[1,2]").Errors);
        Assert.Single(Validate("\"removed\"").Errors);
    }

    [Fact]
    public void Every_field_of_an_empty_object_is_named()
    {
        Assert.Equal(["action", "automated", "grounds"], Validate("{}").Errors.Keys.Order());
    }

    [Fact]
    public void A_full_statement_reads_the_dsa_fields_and_lists_the_countries_in_one_order()
    {
        var result = Validate("""
            {"action":"restricted","scope":"the repository","grounds":"Instructions for weapons","note":null,
             "decisionGround":"illegal_content","legalGround":" Art. 5 of the Weapons Act ","territorialScope":["FR","DE","AT"],
             "automatedDetection":true,"automatedDecision":false,"redress":"Appeal at https://hub.example/appeals"}
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(
            new HostResponse("restricted", "the repository", null, "Instructions for weapons", false, null, "illegal_content", "Art. 5 of the Weapons Act",
                null, ["AT", "DE", "FR"], true, false, "Appeal at https://hub.example/appeals"),
            result.Response);
    }

    [Fact]
    public void Existing_statements_read_as_before()
    {
        var response = Validate("""{"action":"no_action","grounds":"Not a violation","automated":true}""").Response!;
        Assert.Equal(new HostResponse("no_action", null, null, "Not a violation", true, null), response);
        Assert.Null(response.DecisionGround);
        Assert.Null(response.TerritorialScope);
    }

    [Theory]
    [InlineData(""" "automatedDecision":true""", true)]
    [InlineData(""" "automatedDecision":false""", false)]
    [InlineData(""" "automatedDecision":true,"automated":true""", true)]
    public void Automated_defaults_to_automated_decision(string fields, bool automated) =>
        Assert.Equal(automated, Validate($$"""{"action":"no_action","grounds":"g",{{fields}}}""").Response!.Automated);

    [Fact]
    public void Worldwide_stands_alone()
    {
        Assert.Equal(["worldwide"], Validate("""{"action":"removed","scope":"s","grounds":"g","automated":false,"territorialScope":["worldwide"]}""").Response!.TerritorialScope);
    }

    [Theory]
    [InlineData(""" "decisionGround":"illegal" """, "decisionGround")]
    [InlineData(""" "decisionGround":3""", "decisionGround")]
    [InlineData(""" "legalGround":"Art. 5" """, "legalGround")]
    [InlineData(""" "decisionGround":"incompatible_with_terms","legalGround":"Art. 5" """, "legalGround")]
    [InlineData(""" "termsReference":"ToS 4" """, "termsReference")]
    [InlineData(""" "decisionGround":"illegal_content","termsReference":"ToS 4" """, "termsReference")]
    [InlineData(""" "decisionGround":"illegal_content","legalGround":"a\u202eb" """, "legalGround")]
    [InlineData(""" "territorialScope":"DE" """, "territorialScope")]
    [InlineData(""" "territorialScope":[]""", "territorialScope")]
    [InlineData(""" "territorialScope":["de"]""", "territorialScope")]
    [InlineData(""" "territorialScope":["DE","DE"]""", "territorialScope")]
    [InlineData(""" "territorialScope":["UK"]""", "territorialScope")]
    [InlineData(""" "territorialScope":["EU"]""", "territorialScope")]
    [InlineData(""" "territorialScope":["worldwide","DE"]""", "territorialScope")]
    [InlineData(""" "territorialScope":["Worldwide"]""", "territorialScope")]
    [InlineData(""" "territorialScope":[null]""", "territorialScope")]
    [InlineData(""" "territorialScope":[49]""", "territorialScope")]
    [InlineData(""" "automatedDetection":"yes" """, "automatedDetection")]
    [InlineData(""" "automatedDecision":1""", "automatedDecision")]
    [InlineData(""" "automatedDecision":true,"automated":false""", "automated")]
    [InlineData(""" "redress":{"url":"x"}""", "redress")]
    public void Each_bad_dsa_field_is_named(string fields, string field)
    {
        var json = fields.Contains("\"automated\"", StringComparison.Ordinal) || fields.Contains("automatedDecision\":1", StringComparison.Ordinal)
            ? $$"""{"action":"removed","scope":"s","grounds":"g",{{fields}}}"""
            : $$"""{"action":"removed","scope":"s","grounds":"g","automated":false,{{fields}}}""";
        var result = Validate(json);
        Assert.Null(result.Response);
        Assert.Equal([field], result.Errors.Keys);
    }

    [Fact]
    public void Dsa_texts_are_bounded()
    {
        var result = Validate(JsonSerializer.Serialize(new
        {
            action = "removed",
            scope = "s",
            grounds = "g",
            automated = false,
            decisionGround = "illegal_content",
            legalGround = new string('l', HostResponseValidator.MaxLegalGround + 1),
            redress = new string('r', HostResponseValidator.MaxRedress + 1),
        }));
        Assert.Equal(["legalGround", "redress"], result.Errors.Keys.Order());
        Assert.Empty(Validate(JsonSerializer.Serialize(new
        {
            action = "removed", scope = "s", grounds = "g", automated = false, decisionGround = "incompatible_with_terms",
            termsReference = new string('t', HostResponseValidator.MaxTermsReference), redress = new string('r', HostResponseValidator.MaxRedress),
        })).Errors);
    }

    [Theory]
    [InlineData("grounds")]
    [InlineData("decisionGround")]
    [InlineData("until")]
    [InlineData("territorialScope")]
    public void Invalid_utf8_in_a_text_is_a_field_error(string field)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["action"] = "restricted", ["scope"] = "s", ["grounds"] = "g", ["automated"] = false,
            [field] = field == "territorialScope" ? new[] { "MARK" } : "MARK",
        });
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var at = bytes.AsSpan().IndexOf("MARK"u8);
        bytes[at + 1] = 0xFF;

        var result = HostResponseValidator.Validate(JsonDocument.Parse(bytes).RootElement, Now);

        Assert.Null(result.Response);
        Assert.Equal([field], result.Errors.Keys);
    }
}
