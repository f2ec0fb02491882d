using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Collaboration.Addin.Emails;
using Collaboration.Application.Capture;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Capture;
using Collaboration.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Collaboration.Addin.Graph;

/// <summary>A Graph lifecycle notification for the mailbox subscription: reauthorizationRequired, subscriptionRemoved or missed.</summary>
public sealed record LifecycleSignal(string Event, string SubscriptionId);

/// <summary>Lifecycle notifications waiting for the <see cref="SalesMailboxSubscriber"/>, which acts on them between its checks.</summary>
public sealed class SalesMailboxLifecycle
{
    private readonly Channel<LifecycleSignal> _channel = System.Threading.Channels.Channel.CreateUnbounded<LifecycleSignal>(new UnboundedChannelOptions { SingleReader = true });

    public bool TryEnqueue(LifecycleSignal signal) => _channel.Writer.TryWrite(signal);

    public bool TryRead(out LifecycleSignal signal) => _channel.Reader.TryRead(out signal!);

    public Task WaitAsync(CancellationToken ct) => _channel.Reader.WaitToReadAsync(ct).AsTask();
}
