using SafetyReports.Triage.Storage;

namespace SafetyReports.UnitTests.Triage;

public class SearchTermsTests
{
    [Fact]
    public void Words_are_runs_of_letters_and_digits_lower_cased_once_each()
    {
        Assert.Equal(["jailbreak", "prompt", "org", "model", "x", "100"], SearchTerms.Words("Jailbreak PROMPT org/Model-X $100 prompt"));
        Assert.Equal(["café", "日本語"], SearchTerms.Words("Café, 日本語!"));
        Assert.Empty(SearchTerms.Words("  .* $ \"\" "));
        Assert.Empty(SearchTerms.Words(null));
        Assert.Equal(SearchTerms.MaxWords, SearchTerms.Words(string.Join(' ', Enumerable.Range(0, 40))).Count);
    }

    [Fact]
    public void Fts5_gets_quoted_words_so_no_input_is_query_syntax()
    {
        Assert.Equal("\"leaks\" \"home\" \"addr\"", SearchTerms.Fts5Match("Leaks home addr"));
        Assert.Equal("\"or\" \"near\" \"x\"", SearchTerms.Fts5Match("OR NEAR(x) \"*"));
        Assert.Null(SearchTerms.Fts5Match(" - "));
    }

    [Fact]
    public void Mongo_gets_quoted_words_so_they_are_anded()
    {
        Assert.Equal("\"leaks\" \"home\"", SearchTerms.MongoSearch("leaks -home"));
        Assert.Null(SearchTerms.MongoSearch(""));
    }
}
