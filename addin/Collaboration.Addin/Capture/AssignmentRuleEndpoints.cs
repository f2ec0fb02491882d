using Collaboration.Addin.Auth;
using Collaboration.Application.Assignment;
using Collaboration.Domain.Assignment;
using Collaboration.Domain.Common;

namespace Collaboration.Addin.Capture;

/// <summary>One rule as the admin API shows and takes it; the list's order is the rules' order.</summary>
public sealed record AssignmentRuleView(AssignmentRuleKind? Kind, string? Country, string? EmailDomainSuffix, string? AssigneeObjectId, string? Team)
{
    public static AssignmentRuleView From(AssignmentRule r) => new(r.Kind, r.Country, r.EmailDomainSuffix, r.AssigneeObjectId, r.Team);
}

/// <summary>The tenant's assignment rules for admins: read them, or replace the whole ordered list at once.</summary>
public static class AssignmentRuleEndpoints
{
    public static IEndpointRouteBuilder MapAssignmentRules(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/admin/assignment-rules").WithTags("Assignment rules (admin)").RequireAuthorization(AddinAuthentication.RepPolicy);

        rules.MapGet("/", async (Admin caller, AssignmentRules store, CancellationToken ct) =>
            TypedResults.Ok((await store.ListAsync(caller.Rep.Actor.TenantId, ct)).Select(AssignmentRuleView.From).ToList()))
            .WithName("ListAssignmentRules");

        rules.MapPut("/", async Task<IResult> (IReadOnlyList<AssignmentRuleView>? request, Admin caller, AssignmentRules store, CancellationToken ct) =>
        {
            if (request is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["rules"] = ["Send the ordered list of rules as a JSON array (empty to remove them all)."] });
            }
            var tenantId = caller.Rep.Actor.TenantId;
            var built = new List<AssignmentRule>(request.Count);
            for (var i = 0; i < request.Count; i++)
            {
                var r = request[i];
                var position = i + 1;
                built.Add(r.Kind switch
                {
                    AssignmentRuleKind.Territory => AssignmentRule.Territory(tenantId, position, r.AssigneeObjectId ?? "", r.Country, r.EmailDomainSuffix),
                    AssignmentRuleKind.AccountOwner => AssignmentRule.AccountOwner(tenantId, position),
                    AssignmentRuleKind.RoundRobin => AssignmentRule.RoundRobin(tenantId, position, r.Team ?? ""),
                    _ => throw new DomainException(DomainError.Of("invalid_rule", ("detail", $"rule {position} needs a kind (territory, accountOwner or roundRobin)"))),
                });
            }
            await store.ReplaceAsync(caller.Rep.Actor, built, ct);
            return TypedResults.Ok((await store.ListAsync(tenantId, ct)).Select(AssignmentRuleView.From).ToList());
        })
            .WithName("ReplaceAssignmentRules")
            .Produces<List<AssignmentRuleView>>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }
}
