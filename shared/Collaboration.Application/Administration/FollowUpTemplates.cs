using Collaboration.Domain.Common;
using Collaboration.Domain.Nurture;
using Fluid;
using Fluid.Values;

namespace Collaboration.Application.Administration;

/// <summary>The values an email step's subject and body may name: <c>{{ contact }}</c>, <c>{{ deal }}</c>, <c>{{ rep }}</c>.</summary>
public sealed record TemplateValues(string Contact, string Deal, string Rep);

/// <summary>
/// Renders follow-up email templates with Fluid (Liquid), bounded in steps and output so an admin's template cannot run
/// away. The older single-brace placeholders (<c>{contact}</c>) still work. Output is plain text: mail bodies are sent as text.
/// </summary>
public static class FollowUpTemplates
{
    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithMaxSteps(10_000).WithMaxRecursion(10).WithMaxOutputSize(20_000).WithCultureInfo(System.Globalization.CultureInfo.InvariantCulture).Build();

    public static bool TryRender(string template, TemplateValues values, out string rendered, out string? error)
    {
        rendered = "";
        var legacy = FollowUpStep.Fill(template, "{{ contact }}", "{{ deal }}", "{{ rep }}");
        if (!Parser.TryParse(legacy, out var parsed, out error)) return false;
        var context = new TemplateContext(Options);
        context.SetValue("contact", StringValue.Create(values.Contact));
        context.SetValue("deal", StringValue.Create(values.Deal));
        context.SetValue("rep", StringValue.Create(values.Rep));
        try
        {
            rendered = parsed.Render(context, NullEncoder.Default);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An admin's template is input: a step limit, a missing include or any other failure refuses it, never the request.
            error = ex.Message;
            return false;
        }
    }

    public static string Render(string template, TemplateValues values) =>
        TryRender(template, values, out var rendered, out _) ? rendered : template;

    /// <summary>The template problems of every email step, named by field like the other nurture problems.</summary>
    public static IEnumerable<FieldProblem> Problems(NurtureRules rules)
    {
        var sample = new TemplateValues("Contact", "Deal", "Rep");
        for (var p = 0; p < rules.Plans.Count; p++)
        {
            for (var s = 0; s < rules.Plans[p].Steps.Count; s++)
            {
                var step = rules.Plans[p].Steps[s];
                foreach (var (field, text) in new[] { ("subject.en", step.Subject), ("body.en", step.Body), ("subject.zh", step.SubjectZh), ("body.zh", step.BodyZh) })
                {
                    if (string.IsNullOrEmpty(text) || TryRender(text, sample, out _, out var error)) continue;
                    yield return FieldProblem.Of($"plans[{p}].steps[{s}].{field}", "invalid_template", ("detail", error ?? ""));
                }
            }
        }
    }
}
