using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using Collaboration.Addin.Auth;
using Collaboration.Application.Capture;
using Collaboration.Domain.Capture;
using Collaboration.Domain.Common;
using Microsoft.AspNetCore.WebUtilities;

namespace Collaboration.Addin.Capture;

/// <summary>Reading a submission: the bounded body, form or JSON fields, and the snippet a site pastes.</summary>
public static partial class WebFormEndpoints
{
    private static string? Field(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string? JoinName(string? first, string? last) =>
        string.Join(' ', new[] { first, last }.Where(s => s is not null)) is { Length: > 0 } joined ? joined : null;

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, int max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Form fields from application/x-www-form-urlencoded or a flat JSON object; null for other media types.</summary>
    internal static Dictionary<string, string>? Parse(string? contentType, byte[] body)
    {
        var media = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        var text = Encoding.UTF8.GetString(body);
        if (media == "application/x-www-form-urlencoded")
        {
            return QueryHelpers.ParseQuery(text).ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        }
        if (media is "application/json" or "text/plain")
        {
            try
            {
                using var json = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
                if (json.RootElement.ValueKind != JsonValueKind.Object) return [];
                return json.RootElement.EnumerateObject()
                    .Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                    .GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => g.First().Value.ValueKind == JsonValueKind.String ? g.First().Value.GetString()! : g.First().Value.GetRawText(),
                        StringComparer.OrdinalIgnoreCase);
            }
            catch (JsonException)
            {
                return [];
            }
        }
        return null;
    }

    /// <summary>A plain HTML form the admin pastes into their page; the honeypot is off-screen and skipped by keyboard and autofill.</summary>
    internal static string Snippet(WebForm form, string baseUrl)
    {
        var action = WebUtility.HtmlEncode($"{baseUrl}{SubmitPrefix}{form.Key}");
        var title = WebUtility.HtmlEncode(form.Name);
        return $$"""
            <form method="post" action="{{action}}" accept-charset="UTF-8" enctype="application/x-www-form-urlencoded" aria-label="{{title}}">
              <label>Name <input type="text" name="name" autocomplete="name"></label>
              <label>Email <input type="email" name="email" required autocomplete="email"></label>
              <label>Company <input type="text" name="company" autocomplete="organization"></label>
              <label>Country <input type="text" name="country" autocomplete="country-name"></label>
              <label>Budget <input type="text" name="budget"></label>
              <label>Timeline <input type="text" name="timeline"></label>
              <label>Message <textarea name="message"></textarea></label>
              <div style="position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden" aria-hidden="true">
                <label>Leave this empty <input type="text" name="{{Honeypot}}" tabindex="-1" autocomplete="off"></label>
              </div>
              <input type="hidden" name="page" value="">
              <script>
                (function (f) {
                  f.elements.page.value = location.href;
                  var q = new URLSearchParams(location.search);
                  ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"].forEach(function (k) {
                    if (q.get(k)) { var i = document.createElement("input"); i.type = "hidden"; i.name = k; i.value = q.get(k); f.appendChild(i); }
                  });
                })(document.currentScript.parentElement);
              </script>
              <button type="submit">Send</button>
            </form>
            """;
    }
}
