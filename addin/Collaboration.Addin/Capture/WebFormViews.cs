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

public sealed record CreateFormRequest(string? Name, IReadOnlyList<string>? AllowedOrigins, string? OwnerObjectId);

public sealed record FormView(string Key, string Name, IReadOnlyList<string> AllowedOrigins, string? OwnerObjectId, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, long HoneypotCount, string SubmitPath)
{
    public static FormView From(WebForm f) => new(f.Key, f.Name, f.AllowedOrigins, f.OwnerObjectId, f.CreatedBy, f.CreatedAt, f.RevokedAt, f.HoneypotCount,
        $"/api/capture/forms/{f.Key}");
}
