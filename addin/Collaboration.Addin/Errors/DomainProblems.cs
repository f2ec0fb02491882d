using Collaboration.Addin.Auth;
using Collaboration.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Collaboration.Addin.Errors;

/// <summary>
/// Refusals from the domain as problem+json in the caller's language: a rule (422), someone else's newer
/// change (409), or a deal that does not exist for this rep (404).
/// </summary>
internal sealed class DomainProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is UnauthorizedAccessException)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Not signed in", Detail = exception.Message },
            });
        }
        if (exception is AdminRequiredException or Application.Imports.ImportFileException)
        {
            var refusal = exception is AdminRequiredException ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
            context.Response.StatusCode = refusal;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = refusal,
                    Title = exception is AdminRequiredException ? "Admins only" : "The file cannot be imported",
                    Detail = exception.Message,
                },
            });
        }
        if (exception is not DomainException domain) return false;
        var locale = RequestLocale.Of(context.Request);
        var status = domain switch
        {
            NotFoundException => StatusCodes.Status404NotFound,
            ConcurrencyConflictException => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        var problem = new ProblemDetails
        {
            Status = status,
            Title = status switch
            {
                StatusCodes.Status404NotFound => "Not found",
                StatusCodes.Status409Conflict => "Changed by someone else",
                _ => "Refused by a business rule",
            },
            Detail = domain.Error.Describe(locale),
            Type = $"https://collaboration.example/problems/{domain.Error.Code}",
        };
        problem.Extensions["code"] = domain.Error.Code;
        if (domain.Error.Values.TryGetValue("missing", out var missing))
        {
            problem.Extensions["missing"] = missing.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(key => new { key, label = ErrorMessages.Term(key, locale) }).ToList();
        }
        if (domain.Error.Values.TryGetValue("field", out var field)) problem.Extensions["field"] = field;
        if (domain is ConcurrencyConflictException conflict)
        {
            problem.Extensions["currentVersion"] = conflict.CurrentVersion;
        }
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}

internal static class ProblemsServiceCollectionExtensions
{
    public static IServiceCollection AddDomainProblems(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<DomainProblems>();
        return services;
    }
}
