namespace Collaboration.Application.Notifications;

/// <summary>
/// Send limits keyed by tenant (Teams: about 50 per second) and by conversation (7 per second, 8 per 2 s, 60 per 30 s,
/// 1800 per hour), on <see cref="TimeProvider"/>. The tenant limit is a sliding-window log of the last N sends: a send
/// may go when the N-th most recent one is at least a second old, so the tenant sustains N per second and no window of
/// one second, wherever it starts, ever sees more than N. A conversation limit of N per T is a token bucket holding N/2
/// tokens refilled at N/2 per T (a log of 1800 sends per conversation would cost too much memory): it never exceeds N in
/// any window either, but sustains only half the rate, which one conversation rarely needs.
/// It never blocks: <see cref="TryAcquire"/> either takes a send from every limit or says how long to wait, so a
/// burst is deferred rather than failed. The limits are per process; the Connector client still honours 429s.
/// </summary>
public sealed class NotificationRateLimiter(NotificationOptions options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ILimit[]> _limits = [];

    /// <summary>Zero when the send may go now (counted against every limit), else how long until it may.</summary>
    public TimeSpan TryAcquire(string tenantId, string conversationKey)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_limits.Count > 10_000) Prune(now);
            var tenant = Limits("t|" + tenantId, () => [new SlidingWindowLog(options.PerTenantPerSecond, TimeSpan.FromSeconds(1))]);
            var conversation = Limits($"c|{tenantId}|{conversationKey}", () =>
            [
                Window(options.PerConversationPerSecond, TimeSpan.FromSeconds(1), now),
                Window(options.PerConversationPer2Seconds, TimeSpan.FromSeconds(2), now),
                Window(options.PerConversationPer30Seconds, TimeSpan.FromSeconds(30), now),
                Window(options.PerConversationPerHour, TimeSpan.FromHours(1), now),
            ]);
            var wait = TimeSpan.Zero;
            foreach (var limit in tenant.Concat(conversation))
            {
                var w = limit.WaitFor(now);
                if (w > wait) wait = w;
            }
            if (wait > TimeSpan.Zero) return wait;
            foreach (var limit in tenant.Concat(conversation)) limit.Take(now);
            return TimeSpan.Zero;
        }
    }

    private ILimit[] Limits(string key, Func<ILimit[]> create)
    {
        if (!_limits.TryGetValue(key, out var limits)) _limits[key] = limits = create();
        return limits;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, limits) in _limits.ToList())
        {
            if (limits.All(l => l.IsIdle(now))) _limits.Remove(key);
        }
    }

    /// <summary>At most <paramref name="limit"/> sends in any window of <paramref name="window"/>: burst b plus refill r·T equals the limit.</summary>
    private static TokenBucket Window(int limit, TimeSpan window, DateTimeOffset now)
    {
        var capacity = Math.Max(1, limit / 2);
        return new TokenBucket(capacity, Math.Max(1, limit - capacity) / window.TotalSeconds, now);
    }

    private interface ILimit
    {
        TimeSpan WaitFor(DateTimeOffset now);

        void Take(DateTimeOffset now);

        /// <summary>Forgetting it now changes nothing: it would allow the next send as a new one would.</summary>
        bool IsIdle(DateTimeOffset now);
    }

    /// <summary>The times of the last <c>limit</c> sends, oldest first in a ring; the next may go once the oldest is a window old.</summary>
    private sealed class SlidingWindowLog(int limit, TimeSpan window) : ILimit
    {
        private readonly DateTimeOffset[] _sends = new DateTimeOffset[Math.Max(1, limit)];
        private int _oldest;
        private int _count;

        public TimeSpan WaitFor(DateTimeOffset now)
        {
            if (_count < _sends.Length) return TimeSpan.Zero;
            var wait = _sends[_oldest] + window - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        public void Take(DateTimeOffset now)
        {
            if (_count < _sends.Length)
            {
                _sends[(_oldest + _count) % _sends.Length] = now;
                _count++;
                return;
            }
            _sends[_oldest] = now;
            _oldest = (_oldest + 1) % _sends.Length;
        }

        public bool IsIdle(DateTimeOffset now) => _count == 0 || _sends[(_oldest + _count - 1) % _sends.Length] + window <= now;
    }

    private sealed class TokenBucket(double capacity, double perSecond, DateTimeOffset now) : ILimit
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

        public void Take(DateTimeOffset now) => _tokens -= 1;

        public bool IsIdle(DateTimeOffset now)
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
