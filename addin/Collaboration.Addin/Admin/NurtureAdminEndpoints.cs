using Collaboration.Addin.Auth;
using Collaboration.Application.Administration;
using Collaboration.Domain.Common;

namespace Collaboration.Addin.Administration;

public sealed record EmailPreviewRequest(PlanStepView? Step, string? Locale, string? Contact, string? Deal, string? Rep);

/// <summary>Nurture rules and follow-up plan templates for admins, with a preview of an email step.</summary>
public static class NurtureAdminEndpoints
{
    public static IEndpointRouteBuilder MapNurtureAdmin(this IEndpointRouteBuilder app)
    {
        var nurture = app.MapGroup("/api/admin/nurture").WithTags("Administration").RequireAuthorization(AddinAuthentication.RepPolicy);

        nurture.MapGet("/", async (Admin caller, NurtureAdministration admin, CancellationToken ct) =>
            TypedResults.Ok(NurtureSettingsView.From(await admin.GetAsync(caller.Rep.Actor, ct))))
            .WithName("AdminNurture")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        nurture.MapPut("/", async Task<IResult> (NurtureSettingsView? request, Admin caller, NurtureAdministration admin, CancellationToken ct) =>
        {
            if (request is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["nurture"] = ["Send the nurture settings as JSON."] });
            var current = await admin.GetAsync(caller.Rep.Actor, ct);
            return TypedResults.Ok(NurtureSettingsView.From(await admin.ChangeAsync(caller.Rep.Actor, request.ToRules(current), ct)));
        })
            .WithName("ChangeAdminNurture")
            .WithSummary("Replaces the nurture rules; 422 names each problem by field (templates are checked too); running plans keep their steps.")
            .Produces<NurtureSettingsView>()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        nurture.MapPost("/preview", async Task<IResult> (EmailPreviewRequest? request, Admin caller) =>
        {
            await Task.CompletedTask;
            if (request?.Step is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["step"] = ["Send the email step to preview."] });
            var problems = new List<FieldProblem>();
            var step = request.Step.ToStep("step", problems);
            if (problems.Count > 0) throw new InvalidFieldsException("invalid_nurture", problems);
            var values = new TemplateValues(Clip(request.Contact) ?? "Mei Chen", Clip(request.Deal) ?? "Acme rollout", Clip(request.Rep) ?? caller.Rep.Actor.UserObjectId);
            return TypedResults.Ok(NurtureAdministration.Preview(step, request.Locale ?? caller.Rep.Actor.Locale, values));
        })
            .WithName("PreviewFollowUpEmail")
            .WithSummary("Renders an email step's subject and body (Liquid: {{ contact }}, {{ deal }}, {{ rep }}) in the locale's language.")
            .Produces<EmailPreview>()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }

    private static string? Clip(string? text) => text is { Length: > 200 } ? text[..200] : text;
}
