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
        if (exception is AdminRequiredException)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            var admins = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Admins only",
                Detail = new DomainError("admin_required").Describe(RequestLocale.Of(context.Request)),
                Type = "https://collaboration.example/problems/admin_required",
            };
            admins.Extensions["code"] = "admin_required";
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = admins });
        }
        if (exception is Application.Imports.ImportFileException)
        {
            var refusal = StatusCodes.Status400BadRequest;
            context.Response.StatusCode = refusal;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = refusal,
                    Title = "The file cannot be imported",
                    Detail = exception.Message,
                },
            });
        }
        if (exception is not DomainException domain) return false;
        var locale = RequestLocale.Of(context.Request);
        var status = domain switch
        {
            NotFoundException => StatusCodes.Status404NotFound,
            ConcurrencyConflictException or StaleSettingsException => StatusCodes.Status409Conflict,
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
        if (domain is InvalidFieldsException invalid)
        {
            // Each problem next to its field, in the caller's language, shaped like ASP.NET Core's validation problems.
            problem.Detail = ErrorMessages.Text("web.fix_fields", locale);
            problem.Extensions["errors"] = invalid.Problems.GroupBy(p => p.Field)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Error.Describe(locale)).ToArray());
            problem.Extensions["codes"] = invalid.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Error.Code).ToArray());
        }
        if (domain is ConcurrencyConflictException conflict)
        {
            problem.Extensions["currentVersion"] = conflict.CurrentVersion;
        }
        if (domain is StaleSettingsException stale) problem.Extensions["currentVersion"] = stale.CurrentVersion;
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
