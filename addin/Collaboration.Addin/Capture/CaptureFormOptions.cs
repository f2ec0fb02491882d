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

/// <summary>Settings under <c>CaptureForms</c>.</summary>
public sealed class CaptureFormOptions
{
    /// <summary>Submissions accepted per client IP per minute, over all forms.</summary>
    public int PerIpPerMinute { get; set; } = 10;

    /// <summary>Submissions accepted per form per minute, from all clients.</summary>
    public int PerFormPerMinute { get; set; } = 120;

    /// <summary>Larger submissions get 413.</summary>
    public int MaxBodyBytes { get; set; } = 16 * 1024;

    /// <summary>The public address the snippet posts to; the admin request's own scheme and host when empty.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Deals all of a tenant's web forms may capture per day (UTC); more get 429 until midnight.</summary>
    public int PerTenantPerDay { get; set; } = 1000;

    /// <summary>Deals web forms may capture per day (UTC) for one email address.</summary>
    public int PerEmailPerDay { get; set; } = 5;

    /// <summary>An optional CAPTCHA check of every submission.</summary>
    public CaptchaOptions Captcha { get; set; } = new();
}
