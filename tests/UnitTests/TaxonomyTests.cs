using SafetyReports.Contracts;

namespace SafetyReports.UnitTests;

public class TaxonomyTests
{
    [Fact]
    public void Every_category_code_is_unique_and_other_is_last()
    {
        var codes = HazardTaxonomy.Categories.Select(c => c.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal("other", codes[^1]);
        Assert.Equal(15, codes.Count);
    }
}
