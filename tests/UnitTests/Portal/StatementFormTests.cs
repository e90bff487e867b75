using SafetyReports.Portal.Clients;
using SafetyReports.Portal.HostInbox;
using SafetyReports.Portal.Reports;

namespace SafetyReports.UnitTests.Portal;

public class StatementFormTests
{
    private static readonly StatementInput Full = new()
    {
        Action = "restricted",
        Scope = " The jailbreak prompt is blocked. ",
        Until = "2031-02-03T04:05",
        Grounds = "It produced targeted harassment.",
        DecisionGround = "incompatible_with_terms",
        TermsReference = "Acceptable use §4.2",
        TerritorialScope = "de, fr;AT  worldwide DE",
        AutomatedDetection = "no",
        AutomatedDecision = "yes",
        Redress = "Appeal at https://hub.example/appeal",
        Note = "Thanks for the report.",
    };

    [Fact]
    public void A_full_statement_becomes_the_host_api_body_with_every_dsa_field()
    {
        var (body, errors) = StatementForm.Build(Full);
        Assert.Empty(errors);
        Assert.NotNull(body);
        Assert.Equal("restricted", body.Action);
        Assert.Equal("The jailbreak prompt is blocked.", body.Scope);
        Assert.Equal(new DateTimeOffset(2031, 2, 3, 4, 5, 0, TimeSpan.Zero), body.Until);
        Assert.Equal("incompatible_with_terms", body.DecisionGround);
        Assert.Equal("Acceptable use §4.2", body.TermsReference);
        Assert.Null(body.LegalGround);
        Assert.Equal(["DE", "FR", "AT", "worldwide"], body.TerritorialScope!);
        Assert.False(body.AutomatedDetection);
        Assert.True(body.AutomatedDecision);
        Assert.True(body.Automated);
        Assert.Equal("Appeal at https://hub.example/appeal", body.Redress);
        Assert.Equal("Thanks for the report.", body.Note);
    }

    [Fact]
    public void The_smallest_statement_leaves_every_optional_field_out_of_the_json()
    {
        var (body, errors) = StatementForm.Build(new StatementInput { Action = "no_action", Grounds = "Not a problem.", AutomatedDecision = "no" });
        Assert.Empty(errors);
        var json = System.Text.Json.JsonSerializer.Serialize(body, ApiCaller.Json);
        Assert.Equal("""{"action":"no_action","grounds":"Not a problem.","automated":false,"automatedDecision":false}""", json);
    }

    [Fact]
    public void Missing_required_fields_are_field_errors()
    {
        var (body, errors) = StatementForm.Build(new StatementInput { Action = "removed" });
        Assert.Null(body);
        Assert.Equal("Error_Required", errors["scope"].Key);
        Assert.Equal("Error_Required", errors["grounds"].Key);
        Assert.Equal("Error_ChooseYesNo", errors["automatedDecision"].Key);
        Assert.False(errors.ContainsKey("automatedDetection"));
    }

    [Fact]
    public void A_disputed_or_no_action_needs_no_scope()
    {
        Assert.Empty(StatementForm.Build(new StatementInput { Action = "disputed", Grounds = "g", AutomatedDecision = "no" }).Errors);
        Assert.Equal("Error_Required", StatementForm.Build(new StatementInput { Action = "mitigated", Grounds = "g", AutomatedDecision = "no" }).Errors["scope"].Key);
    }

    [Theory]
    [InlineData("action", "deleted")]
    [InlineData("decisionGround", "because")]
    [InlineData("until", "next tuesday")]
    [InlineData("automatedDetection", "maybe")]
    [InlineData("automatedDecision", "true")]
    public void Values_the_form_does_not_offer_are_field_errors(string field, string value)
    {
        var input = field switch
        {
            "action" => Full with { Action = value },
            "decisionGround" => Full with { DecisionGround = value },
            "until" => Full with { Until = value },
            "automatedDetection" => Full with { AutomatedDetection = value },
            _ => Full with { AutomatedDecision = value },
        };
        var (body, errors) = StatementForm.Build(input);
        Assert.Null(body);
        Assert.Equal([field], errors.Keys);
    }

    [Theory]
    [InlineData("scope", StatementForm.MaxScope)]
    [InlineData("grounds", StatementForm.MaxGrounds)]
    [InlineData("legalGround", StatementForm.MaxReference)]
    [InlineData("termsReference", StatementForm.MaxReference)]
    [InlineData("redress", StatementForm.MaxRedress)]
    [InlineData("note", StatementForm.MaxNote)]
    public void Texts_longer_than_the_host_api_allows_are_field_errors_naming_the_limit(string field, int limit)
    {
        var text = new string('x', limit + 1);
        var input = field switch
        {
            "scope" => Full with { Scope = text },
            "grounds" => Full with { Grounds = text },
            "legalGround" => Full with { LegalGround = text },
            "termsReference" => Full with { TermsReference = text },
            "redress" => Full with { Redress = text },
            _ => Full with { Note = text },
        };
        Assert.Equal(new FormError("Error_TooLong", limit), StatementForm.Build(input).Errors[field]);
    }

    [Theory]
    [InlineData("2031-02-03T04:05", "2031-02-03T04:05:00+00:00")]
    [InlineData("2031-02-03T04:05:06", "2031-02-03T04:05:06+00:00")]
    [InlineData("2031-02-03T04:05:00+02:00", "2031-02-03T02:05:00+00:00")]
    [InlineData("2031-02-03", "2031-02-03T00:00:00+00:00")]
    public void Until_is_utc_unless_it_names_an_offset(string text, string expected)
    {
        Assert.True(StatementForm.TryParseUtc(text, out var value));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("  ", null)]
    [InlineData("Worldwide", "worldwide")]
    [InlineData("nl be,NL", "NL BE")]
    public void Territorial_scope_codes_are_upper_case_once_each(string? text, string? expected) =>
        Assert.Equal(expected, StatementForm.TerritorialScope(text) is { } codes ? string.Join(' ', codes) : null);

    [Fact]
    public void A_revision_starts_from_the_response_on_record()
    {
        var response = new HostResponseView
        {
            Action = "removed", Scope = "s", Until = new DateTimeOffset(2031, 1, 2, 3, 4, 59, TimeSpan.FromHours(1)), Grounds = "g",
            Automated = true, DecisionGround = "illegal_content", LegalGround = "§ 130 StGB", TerritorialScope = ["DE", "AT"],
            AutomatedDetection = false, Redress = "r", Note = "n", Revision = 2,
        };
        var input = StatementInput.From(response);
        Assert.Equal("2031-01-02T02:04", input.Until);
        Assert.Equal("DE AT", input.TerritorialScope);
        Assert.Equal("yes", input.AutomatedDecision);
        Assert.Equal("no", input.AutomatedDetection);
        Assert.Equal("§ 130 StGB", input.LegalGround);
        Assert.Equal(new StatementInput(), StatementInput.From(null));
        // Sent back unchanged (but for the seconds the form does not show), it says the same.
        var (body, errors) = StatementForm.Build(input);
        Assert.Empty(errors);
        Assert.Equal(["DE", "AT"], body!.TerritorialScope!);
        Assert.True(body.Automated);
    }
}
