using SafetyReports.Notification.Storage;

namespace SafetyReports.UnitTests.Notification;

public class RouteCursorTests
{
    [Fact]
    public void A_cursor_round_trips()
    {
        var cursor = new RouteCursor(DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_000_123), Guid.NewGuid());
        Assert.True(RouteCursor.TryParse(cursor.Encode(), out var back));
        Assert.Equal(cursor, back);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a cursor")]
    [InlineData("MTIzOm5vdC1hLWd1aWQ")]
    [InlineData("LTE6MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA")]
    public void Anything_else_is_refused(string text)
    {
        Assert.False(RouteCursor.TryParse(text, out var cursor));
        Assert.Null(cursor);
    }
}
