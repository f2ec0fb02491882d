namespace Collaboration.Addin.Tests;

/// <summary>The shared sales mailbox the SalesMailbox tests read through the kit's <see cref="LocalGraph"/>.</summary>
internal static class SalesMailboxGraph
{
    public static async Task<LocalGraph> StartAsync(string mailbox)
    {
        var graph = await LocalGraph.StartAsync();
        graph.Mailbox = mailbox;
        Add(graph, "m-unknown", "li.na@newco.example", "Li Na", "Need a quote for 300 seats", "Hi, our budget is $80k and we want to start next month.", "<unknown-1@newco.example>");
        Add(graph, "m-known", "known@tailspin.example", "Known", "Re: Existing deal", "Any update on the contract?", "<KNOWN-2@tailspin.example>");
        Add(graph, "m-sentinel", "sentinel@other.example", "Sentinel", "Sentinel", "Last one.", "<sentinel@other.example>");
        // Not in the inbox listing: fetched only when a test notifies about it. Sent from the attacker's own server with the
        // customer's address in From; the second, lower header is the attacker's own forgery inside the message, which must not count.
        graph.MailboxMessages["m-spoofed"] = new MailboxMessage("known@tailspin.example", "Known", "Re: Existing deal",
            "Please wire the deposit to our new account.", "<spoofed-1@attacker.example>",
            [
                "spf=pass (sender IP is 198.51.100.7) smtp.mailfrom=attacker.example; dkim=pass (signature was verified) header.d=attacker.example;dmarc=fail action=none header.from=tailspin.example;compauth=fail reason=000",
                "mx.attacker.example; dmarc=pass header.from=tailspin.example; spf=pass smtp.mailfrom=tailspin.example",
            ],
            Listed: false);
        return graph;
    }

    /// <summary>A listed message whose Authentication-Results (what Exchange Online writes) say DMARC passed for the From domain.</summary>
    private static void Add(LocalGraph graph, string id, string from, string name, string subject, string body, string messageId)
    {
        var domain = from[(from.IndexOf('@') + 1)..];
        graph.MailboxMessages[id] = new MailboxMessage(from, name, subject, body, messageId,
            [$"spf=pass (sender IP is 40.107.22.58) smtp.mailfrom={domain}; dkim=pass (signature was verified) header.d={domain};dmarc=pass action=none header.from={domain};compauth=pass reason=100"]);
    }
}
