using FsCheck;
using FsCheck.Fluent;
using SafetyReports.Intake.Domain;

namespace SafetyReports.UnitTests.Intake;

/// <summary>In-process properties of the reporter's answer: whatever the text, the validator answers, and what it accepts is safe to show.</summary>
public class ReplyValidatorProperties
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(500).WithQuietOnSuccess(true);

    private static readonly Gen<string> Text =
        Gen.Frequency(
            (6, Gen.Elements("a", " ", "\n", "\r", "\t", "\u0000", "\u001B", "\u0085", "\u202E", "\u2066", "\u200F", "\u061C",
                "\u200B", "\uFEFF", "\uD800", "\U0001F4A9", "e\u0301", "<b>").ListOf().Select(p => string.Concat(p))),
            (1, Gen.Elements(19_999, 20_000, 20_001, 100_000).Select(n => new string('x', n))));

    [Fact]
    public void Any_text_gets_an_answer_and_accepted_text_has_no_control_or_direction_characters()
    {
        Check.One(Cases, Prop.ForAll(Text.ToArbitrary(), (string message) =>
        {
            var problem = ReplyValidator.Validate(message);
            if (problem is null)
            {
                Assert.False(string.IsNullOrWhiteSpace(message));
                Assert.True(message.Length <= ReplyValidator.MaxLength);
                Assert.DoesNotContain(message, c => c is not ('\n' or '\r' or '\t') && char.IsControl(c));
                Assert.DoesNotContain(message, c => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C');
            }
        }));
    }
}
