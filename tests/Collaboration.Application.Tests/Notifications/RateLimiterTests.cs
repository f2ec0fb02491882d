using Collaboration.Application.Notifications;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Application.Tests.Notifications;

/// <summary>The per-tenant limit on its own, driven by a fake clock the way a sender drives it: ask, and wait when told.</summary>
public class RateLimiterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(50)]
    [InlineData(7)]
    [InlineData(1)]
    public void ATenantSendingAsFastAsAllowedGetsItsFullRateAndNoSecondSeesMore(int perSecond)
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = Limiter(clock, perSecond);
        var sends = new List<DateTimeOffset>();

        // Every send to its own conversation, so only the tenant limit can hold it back.
        while (clock.GetUtcNow() < Start.AddSeconds(10))
        {
            var wait = limiter.TryAcquire("tenant-a", $"conversation-{sends.Count}");
            if (wait > TimeSpan.Zero) clock.Advance(wait);
            else sends.Add(clock.GetUtcNow());
        }

        Assert.Equal(10 * perSecond, sends.Count);
        AssertNoSecondExceeds(sends, perSecond);
    }

    [Fact]
    public void SendsOfferedAtIrregularTimesStillGetNearlyTheFullRateAndNoSecondSeesMore()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = Limiter(clock, 50);
        var random = new Random(20261126);
        var sends = new List<DateTimeOffset>();

        // Far more is offered than the limit: a send is tried every 0-30 ms, in bursts of up to 20.
        while (clock.GetUtcNow() < Start.AddSeconds(20))
        {
            for (var burst = random.Next(1, 21); burst > 0; burst--)
            {
                if (limiter.TryAcquire("tenant-a", $"conversation-{sends.Count}") == TimeSpan.Zero) sends.Add(clock.GetUtcNow());
            }
            clock.Advance(TimeSpan.FromMilliseconds(random.Next(0, 31)));
        }

        AssertNoSecondExceeds(sends, 50);
        // A freed slot is taken within 30 ms, so at least 50 sends every 1.03 s: 970 in 20 s (a bucket of 25 gave 525).
        Assert.InRange(sends.Count, 970, 1000);
    }

    [Fact]
    public void TheWaitItGivesIsExactlyWhenTheOldestSendLeavesTheWindow()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = Limiter(clock, 3);

        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("tenant-a", "c1"));
        clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("tenant-a", "c2"));
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("tenant-a", "c3"));

        Assert.Equal(TimeSpan.FromMilliseconds(700), limiter.TryAcquire("tenant-a", "c4"));
        clock.Advance(TimeSpan.FromMilliseconds(699));
        Assert.Equal(TimeSpan.FromMilliseconds(1), limiter.TryAcquire("tenant-a", "c4"));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("tenant-a", "c4"));
        // The next two went at +300 ms, so the one after waits until +1300 ms.
        Assert.Equal(TimeSpan.FromMilliseconds(300), limiter.TryAcquire("tenant-a", "c5"));
    }

    [Fact]
    public void OneTenantAtItsLimitDoesNotHoldBackAnother()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = Limiter(clock, 2);
        limiter.TryAcquire("tenant-a", "c1");
        limiter.TryAcquire("tenant-a", "c2");

        Assert.True(limiter.TryAcquire("tenant-a", "c3") > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("tenant-b", "c1"));
    }

    [Fact]
    public void AWaitForTheConversationLimitTakesNothingFromTheTenant()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new NotificationRateLimiter(new NotificationOptions
        {
            PerTenantPerSecond = 4,
            PerConversationPerSecond = 2,
            PerConversationPer2Seconds = 1000,
            PerConversationPer30Seconds = 1000,
            PerConversationPerHour = 100_000,
        }, clock);

        // The busy conversation's bucket (1 token) is empty after one send; its refused tries must not use tenant sends.
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("tenant-a", "busy"));
        for (var i = 0; i < 5; i++) Assert.True(limiter.TryAcquire("tenant-a", "busy") > TimeSpan.Zero);

        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("tenant-a", "c1"));
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("tenant-a", "c2"));
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("tenant-a", "c3"));
        Assert.True(limiter.TryAcquire("tenant-a", "c4") > TimeSpan.Zero);
    }

    private static NotificationRateLimiter Limiter(TimeProvider clock, int perTenantPerSecond) => new(new NotificationOptions
    {
        PerTenantPerSecond = perTenantPerSecond,
        PerConversationPerSecond = 1000,
        PerConversationPer2Seconds = 1000,
        PerConversationPer30Seconds = 1000,
        PerConversationPerHour = 100_000,
    }, clock);

    /// <summary>Any <paramref name="limit"/> + 1 consecutive sends span at least a second: no window of a second holds more than the limit.</summary>
    private static void AssertNoSecondExceeds(IReadOnlyList<DateTimeOffset> sends, int limit)
    {
        for (var i = 0; i + limit < sends.Count; i++)
        {
            Assert.True(sends[i + limit] - sends[i] >= TimeSpan.FromSeconds(1), $"{limit + 1} sends within {sends[i + limit] - sends[i]} from #{i}");
        }
    }
}
