namespace Collaboration.Application.Notifications;

/// <summary>
/// Token buckets keyed by conversation (7/s and 60/30 s) and by tenant (50/s), on <see cref="TimeProvider"/>.
/// It never blocks: <see cref="TryAcquire"/> either takes a token from every bucket or says how long to wait,
/// so a burst is deferred rather than failed. The limits are per process; the Connector client still honours 429s.
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
            var tenant = Buckets("t|" + tenantId, () => [new TokenBucket(options.PerTenantPerSecond, TimeSpan.FromSeconds(1), now)]);
            var conversation = Buckets($"c|{tenantId}|{conversationKey}", () =>
            [
                new TokenBucket(options.PerConversationPerSecond, TimeSpan.FromSeconds(1), now),
                new TokenBucket(options.PerConversationPer30Seconds, TimeSpan.FromSeconds(30), now),
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

    /// <summary>Holds up to <c>capacity</c> tokens, refilled evenly: <c>capacity</c> per <c>period</c>.</summary>
    private sealed class TokenBucket(int capacity, TimeSpan period, DateTimeOffset now)
    {
        private readonly double _capacity = Math.Max(1, capacity);
        private readonly double _perSecond = Math.Max(1, capacity) / period.TotalSeconds;
        private double _tokens = Math.Max(1, capacity);
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
