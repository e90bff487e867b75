using System.Text;
using SafetyReports.Triage.Storage;

namespace SafetyReports.UnitTests.Triage;

public class ReportCursorTests
{
    [Theory]
    [InlineData(ReportSort.Newest)]
    [InlineData(ReportSort.Oldest)]
    [InlineData(ReportSort.Deadline)]
    public void A_cursor_survives_its_trip_through_a_client(ReportSort sort)
    {
        var cursor = new ReportCursor(DateTimeOffset.FromUnixTimeMilliseconds(1_772_000_000_123), Guid.NewGuid(), sort);
        Assert.True(ReportCursor.TryDecode(cursor.Encode(), out var back));
        Assert.Equal(cursor, back);
    }

    [Fact]
    public void A_newest_first_cursor_keeps_the_earlier_two_part_form()
    {
        var id = Guid.NewGuid();
        var old = Convert.ToBase64String(Encoding.UTF8.GetBytes($"1772000000123:{id:N}"));
        Assert.True(ReportCursor.TryDecode(old, out var cursor));
        Assert.Equal(new ReportCursor(DateTimeOffset.FromUnixTimeMilliseconds(1_772_000_000_123), id), cursor);
        Assert.Equal(old, cursor!.Encode());
    }

    [Theory]
    [InlineData("x:1:00000000000000000000000000000000")]
    [InlineData("o:1")]
    [InlineData("d:99999999999999999999:00000000000000000000000000000000")]
    [InlineData("1:2:3:4")]
    public void Anything_else_is_refused(string text)
    {
        Assert.False(ReportCursor.TryDecode(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), out _));
        Assert.False(ReportCursor.TryDecode("%%%", out _));
    }
}
