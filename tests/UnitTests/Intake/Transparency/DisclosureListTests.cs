using System.Text;
using SafetyReports.Intake.Transparency;

namespace SafetyReports.UnitTests.Intake.Transparency;

/// <summary>The disclosures section lists whatever fields Triage publishes for each entry, flattened, as text.</summary>
public class DisclosureListTests
{
    [Theory]
    [InlineData("""[{"category":"hate"}]""")]
    [InlineData("""{"items":[{"category":"hate"}]}""")]
    [InlineData("""{"entries":[{"category":"hate"}],"asOf":"2026-11-29"}""")]
    [InlineData("""{"disclosures":[{"category":"hate"}]}""")]
    public void Entries_are_read_from_an_array_or_a_wrapping_object(string json)
    {
        var list = DisclosureList.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(("category", "hate"), Assert.Single(Assert.Single(list!.Entries).Fields));
    }

    [Fact]
    public void Nested_fields_are_flattened_and_every_scalar_becomes_text()
    {
        var list = DisclosureList.Parse(Encoding.UTF8.GetBytes("""
            [{"model":{"host":"<b>hub</b>","id":"org/m"},"severity":"high","daysUnanswered":95,"hostAnswered":false,"respondedAt":null,"tags":["a",1]}]
            """));

        Assert.Equal(
            [("model.host", "<b>hub</b>"), ("model.id", "org/m"), ("severity", "high"), ("daysUnanswered", "95"), ("hostAnswered", "false"), ("respondedAt", "—"), ("tags", "a, 1")],
            Assert.Single(list!.Entries).Fields);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"unexpected":true}""")]
    [InlineData("42")]
    public void Anything_else_hides_the_section(string body)
    {
        Assert.Null(DisclosureList.Parse(Encoding.UTF8.GetBytes(body)));
    }
}
