using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Collaboration.Addin.Errors;

/// <summary>
/// A request the endpoint could not bind (malformed JSON, a value of the wrong type, a body too large) is the
/// caller's mistake: 400 (or the status the server named, such as 413) as problem+json with the reason, in every
/// environment. Without this, Development rethrows the binding failure and answers 500.
/// </summary>
internal sealed class BadJsonProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad || context.Response.HasStarted) return false;
        var json = bad.InnerException as JsonException;
        context.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = json is not null ? "The request body is not valid JSON for this endpoint" : "The request cannot be read",
                Detail = json?.Message ?? bad.Message,
            },
        });
    }
}

internal static class BadJsonProblemsServiceCollectionExtensions
{
    /// <summary>Binding failures are thrown in every environment, so <see cref="BadJsonProblems"/> answers them alike.</summary>
    public static IServiceCollection AddBadJsonProblems(this IServiceCollection services)
    {
        services.AddExceptionHandler<BadJsonProblems>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }
}
