using System.Net;
using System.Text.Json;

namespace Collaboration.Addin.Capture;

/// <summary>Settings under <c>CaptureForms:Captcha</c>; off while <see cref="VerifyUrl"/> or <see cref="Secret"/> is empty.</summary>
public sealed class CaptchaOptions
{
    /// <summary>The provider's siteverify address, e.g. https://challenges.cloudflare.com/turnstile/v0/siteverify or https://api.hcaptcha.com/siteverify.</summary>
    public string VerifyUrl { get; set; } = "";

    public string Secret { get; set; } = "";

    /// <summary>The form field carrying the widget's token; when empty, the Turnstile, hCaptcha and reCAPTCHA names are all read.</summary>
    public string ResponseField { get; set; } = "";

    public bool Enabled => !string.IsNullOrWhiteSpace(VerifyUrl) && !string.IsNullOrWhiteSpace(Secret);
}

/// <summary>
/// Checks a web-form submission's CAPTCHA token with the provider, Turnstile/hCaptcha style: a form POST of
/// <c>secret</c>, <c>response</c> and <c>remoteip</c>, answered with JSON <c>{"success": true|false}</c>. Anything else
/// (no token, the provider unreachable, a malformed answer) counts as failed: the form refuses rather than lets bots in.
/// </summary>
public sealed class CaptchaVerifier(IHttpClientFactory http, CaptureFormOptions options, ILogger<CaptchaVerifier> logger)
{
    public const string HttpClientName = "captcha";
    private static readonly string[] WellKnownFields = ["cf-turnstile-response", "h-captcha-response", "g-recaptcha-response"];

    public bool Enabled => options.Captcha.Enabled;

    public string? TokenFrom(IReadOnlyDictionary<string, string> fields)
    {
        var names = string.IsNullOrWhiteSpace(options.Captcha.ResponseField) ? WellKnownFields : [options.Captcha.ResponseField];
        return names.Select(n => fields.TryGetValue(n, out var v) ? v : null).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
    }

    public async Task<bool> VerifyAsync(string? token, IPAddress? client, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 4096) return false;
        var form = new Dictionary<string, string> { ["secret"] = options.Captcha.Secret, ["response"] = token };
        if (client is not null) form["remoteip"] = client.ToString();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            using var response = await http.CreateClient(HttpClientName).PostAsync(options.Captcha.VerifyUrl, new FormUrlEncodedContent(form), timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("The CAPTCHA provider answered {Status}; the submission is refused.", (int)response.StatusCode);
                return false;
            }
            using var answer = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(timeout.Token), cancellationToken: timeout.Token);
            return answer.RootElement.ValueKind == JsonValueKind.Object
                && answer.RootElement.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.True;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "The CAPTCHA provider could not be asked; the submission is refused.");
            return false;
        }
    }
}
