namespace Collaboration.Application.Capture;

/// <summary>
/// Whether the receiving mail server vouched for an email's From domain, read from its <c>Authentication-Results</c>
/// header (RFC 8601): DMARC passed for that domain, or SPF or DKIM passed for a domain aligned with it (the same
/// domain, or one a subdomain of the other). Only the topmost header counts: the receiving server (Exchange Online)
/// adds it last, above any that the sender wrote into the message themselves.
/// </summary>
public static class SenderAuthentication
{
    public const string HeaderName = "Authentication-Results";

    /// <param name="authenticationResults">The message's Authentication-Results header values, topmost first.</param>
    public static bool IsVerified(IReadOnlyList<string>? authenticationResults, string fromAddress)
    {
        if (authenticationResults is not { Count: > 0 }) return false;
        var at = fromAddress.LastIndexOf('@');
        if (at < 0 || at == fromAddress.Length - 1) return false;
        var fromDomain = fromAddress[(at + 1)..].Trim().TrimEnd('.').ToLowerInvariant();
        var results = Parse(authenticationResults[0]);
        if (results.TryGetValue("dmarc", out var dmarc) && dmarc.Result == "pass"
            && (dmarc.Property("header.from") is not { } headerFrom || headerFrom == fromDomain))
        {
            return true;
        }
        return results.TryGetValue("spf", out var spf) && spf.Result == "pass" && Aligned(spf.Property("smtp.mailfrom"), fromDomain)
            || results.TryGetValue("dkim", out var dkim) && dkim.Result == "pass" && Aligned(dkim.Property("header.d"), fromDomain);
    }

    private static bool Aligned(string? domain, string fromDomain) =>
        domain is { Length: > 0 }
        && (domain == fromDomain || domain.EndsWith("." + fromDomain, StringComparison.Ordinal) || fromDomain.EndsWith("." + domain, StringComparison.Ordinal));

    private sealed record MethodResult(string Result, IReadOnlyDictionary<string, string> Properties)
    {
        public string? Property(string name) => Properties.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>The first result of each method in one header: <c>method=result (comment) ptype.property=value ...</c>, separated by <c>;</c>.</summary>
    private static Dictionary<string, MethodResult> Parse(string header)
    {
        var results = new Dictionary<string, MethodResult>(StringComparer.Ordinal);
        foreach (var statement in WithoutComments(header).Split(';'))
        {
            var tokens = statement.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0) continue;
            var method = tokens[0].Split('=', 2);
            if (method.Length != 2) continue; // the authserv-id, when the server writes one
            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var token in tokens.Skip(1))
            {
                var pair = token.Split('=', 2);
                if (pair.Length == 2) properties.TryAdd(pair[0].ToLowerInvariant(), Domain(pair[1]));
            }
            results.TryAdd(method[0].ToLowerInvariant(), new MethodResult(method[1].ToLowerInvariant(), properties));
        }
        return results;
    }

    /// <summary>A property's domain: the part after @ for an address (smtp.mailfrom may be a whole address), lower case.</summary>
    private static string Domain(string value)
    {
        var text = value.Trim().Trim('"').TrimEnd('.').ToLowerInvariant();
        var at = text.LastIndexOf('@');
        return at >= 0 ? text[(at + 1)..] : text;
    }

    private static string WithoutComments(string header)
    {
        var text = new System.Text.StringBuilder(header.Length);
        var depth = 0;
        foreach (var c in header)
        {
            if (c == '(') depth++;
            else if (c == ')' && depth > 0) depth--;
            else if (depth == 0) text.Append(c);
        }
        return text.ToString();
    }
}
