using System.Collections.Concurrent;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Protocol.Hosting;

namespace Collaboration.Bot.Protocol.Tests.Infrastructure;

public sealed class RecordingHandler : IActivityHandler
{
    public ConcurrentQueue<(Activity Activity, TurnContext Turn)> Calls { get; } = new();

    public Func<Activity, TurnContext, Task<InvokeResponse?>>? OnActivity { get; set; }

    public async Task<InvokeResponse?> HandleAsync(Activity activity, TurnContext turn, CancellationToken cancellationToken)
    {
        Calls.Enqueue((activity, turn));
        return OnActivity is null ? null : await OnActivity(activity, turn);
    }
}
