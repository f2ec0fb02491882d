namespace Collaboration.Application.Notifications;

/// <summary>
/// Token buckets keyed by conversation (Teams: 7 per second, 8 per 2 s, 60 per 30 s, 1800 per hour) and by tenant
/// (50 per second), on <see cref="TimeProvider"/>. A limit of N per T becomes a bucket holding N/2 tokens refilled
/// at N/2 per T, so no window of length T ever sees more than N sends, wherever it starts.
/// It never blocks: <see cref="TryAcquire"/> either takes a token from every bucket or says how long to wait, so a
/// burst is deferred rather than failed. The limits are per process; the Connector client still honours 429s.
/// </summary>
public sealed class NotificationRateLimiter(NotificationOptions options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TokenBucket[]> _buckets = [];

    /// <summary>Zero when the send may go now (tokens taken), else how long until it may.</summary>
    public TimeSpan TryAcquire(string tenantId, string conversationKey)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_buckets.Count > 10_000) Prune(now);
            var tenant = Buckets("t|" + tenantId, () => [Window(options.PerTenantPerSecond, TimeSpan.FromSeconds(1), now)]);
            var conversation = Buckets($"c|{tenantId}|{conversationKey}", () =>
            [
                Window(options.PerConversationPerSecond, TimeSpan.FromSeconds(1), now),
                Window(options.PerConversationPer2Seconds, TimeSpan.FromSeconds(2), now),
                Window(options.PerConversationPer30Seconds, TimeSpan.FromSeconds(30), now),
                Window(options.PerConversationPerHour, TimeSpan.FromHours(1), now),
            ]);
            var wait = TimeSpan.Zero;
            foreach (var bucket in tenant.Concat(conversation))
            {
                var w = bucket.WaitFor(now);
                if (w > wait) wait = w;
            }
            if (wait > TimeSpan.Zero) return wait;
            foreach (var bucket in tenant.Concat(conversation)) bucket.Take();
            return TimeSpan.Zero;
        }
    }

    private TokenBucket[] Buckets(string key, Func<TokenBucket[]> create)
    {
        if (!_buckets.TryGetValue(key, out var buckets)) _buckets[key] = buckets = create();
        return buckets;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, buckets) in _buckets.ToList())
        {
            if (buckets.All(b => b.IsFull(now))) _buckets.Remove(key);
        }
    }

    /// <summary>At most <paramref name="limit"/> sends in any window of <paramref name="window"/>: burst b plus refill r·T equals the limit.</summary>
    private static TokenBucket Window(int limit, TimeSpan window, DateTimeOffset now)
    {
        var capacity = Math.Max(1, limit / 2);
        return new TokenBucket(capacity, Math.Max(1, limit - capacity) / window.TotalSeconds, now);
    }

    private sealed class TokenBucket(double capacity, double perSecond, DateTimeOffset now)
    {
        private readonly double _capacity = capacity;
        private readonly double _perSecond = perSecond;
        private double _tokens = capacity;
        private DateTimeOffset _updated = now;

        public TimeSpan WaitFor(DateTimeOffset now)
        {
            Refill(now);
            return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / _perSecond);
        }

        public void Take() => _tokens -= 1;

        public bool IsFull(DateTimeOffset now)
        {
            Refill(now);
            return _tokens >= _capacity;
        }

        private void Refill(DateTimeOffset now)
        {
            if (now <= _updated) return;
            _tokens = Math.Min(_capacity, _tokens + (now - _updated).TotalSeconds * _perSecond);
            _updated = now;
        }
    }
}
