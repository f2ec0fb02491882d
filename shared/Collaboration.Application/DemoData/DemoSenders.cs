namespace Collaboration.Application.DemoData;

/// <summary>The demo rep's deal whose email thread is already logged, and the contact who wrote it.</summary>
public sealed record DemoLoggedThread(Guid DealId, string DealName, string ContactName, string ContactEmail, string Subject);

/// <summary>A contact of one of the demo rep's open deals.</summary>
public sealed record DemoCustomer(string DealName, string ContactName, string ContactEmail);
