using Microsoft.Extensions.Logging.Abstractions;
using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.UnitTests.ServiceDefaults;

/// <summary>The step after a commit that removed content: it never fails the commit, and what it could not do now it does later.</summary>
public class WriteAheadLogScrubTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>An emptying step that fails (throws or is busy) the given number of times, then succeeds.</summary>
    private sealed class Step(int failures, bool throws)
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<bool> EmptyAsync(TimeSpan wait, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls);
            if (call > failures)
            {
                return Task.FromResult(true);
            }

            return throws ? throw new IOException("disk I/O error") : Task.FromResult(false);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_step_that_fails_after_the_commit_does_not_fail_the_caller_and_is_tried_again_until_it_succeeds(bool throws)
    {
        var step = new Step(failures: 2, throws);
        var scrub = new WriteAheadLogScrub(step.EmptyAsync, NullLogger.Instance);

        Assert.False(await scrub.AfterCommitAsync(TestContext.Current.CancellationToken));
        await scrub.Retrying.WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.Equal(3, step.Calls);
    }

    [Fact]
    public async Task A_step_that_succeeds_at_once_leaves_nothing_to_retry()
    {
        var step = new Step(failures: 0, throws: false);
        var scrub = new WriteAheadLogScrub(step.EmptyAsync, NullLogger.Instance);

        Assert.True(await scrub.AfterCommitAsync(TestContext.Current.CancellationToken));

        Assert.True(scrub.Retrying.IsCompleted);
        Assert.Equal(1, step.Calls);
    }

    [Fact]
    public async Task A_cancelled_request_after_the_commit_leaves_the_step_to_the_background()
    {
        var step = new Step(failures: 0, throws: false);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var scrub = new WriteAheadLogScrub((wait, ct) => ct.IsCancellationRequested ? throw new OperationCanceledException(ct) : step.EmptyAsync(wait, ct), NullLogger.Instance);

        Assert.False(await scrub.AfterCommitAsync(cancelled.Token));
        await scrub.Retrying.WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.Equal(1, step.Calls);
    }
}
