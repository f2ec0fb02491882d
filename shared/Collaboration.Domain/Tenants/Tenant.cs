using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Domain.Tenants;

/// <summary>An Entra tenant using the CRM, with its own pipeline and free-mail list.</summary>
public sealed class Tenant
{
    private Tenant() { }

    public Tenant(string id, string name, PipelineSettings? pipeline = null)
    {
        Id = id;
        Name = name;
        Pipeline = pipeline ?? PipelineSettings.Default;
    }

    public string Id { get; private set; } = "";
    public string Name { get; private set; } = "";
    public PipelineSettings Pipeline { get; private set; } = PipelineSettings.Default;

    /// <summary>Domains this tenant treats as free mail on top of the shipped list (e.g. a local provider).</summary>
    public List<string> ExtraFreeMailDomains { get; private set; } = [];

    /// <summary>Domains from the shipped list that this tenant treats as companies (the list has false positives).</summary>
    public List<string> NotFreeMailDomains { get; private set; } = [];

    /// <summary>Replaces the pipeline after checking it; the saved settings carry the next version.</summary>
    public void ChangePipeline(PipelineSettings pipeline)
    {
        var problems = pipeline.Validate();
        if (problems.Count > 0) throw new InvalidFieldsException("invalid_pipeline", problems);
        Pipeline = pipeline with { Version = Pipeline.Version + 1 };
    }

    public const int MaxFreeMailOverrides = 200;
    public const int MaxDomainLength = 253;

    /// <summary>Replaces both override lists; a list too long or an entry that is not a domain is refused naming it (extra[2]).</summary>
    public void ChangeFreeMailOverrides(IEnumerable<string> extra, IEnumerable<string> notFreeMail)
    {
        var problems = new List<FieldProblem>();
        var extraDomains = Domains("extra", extra, problems);
        var notFreeDomains = Domains("notFreeMail", notFreeMail, problems);
        if (problems.Count > 0) throw new InvalidFieldsException("invalid_free_mail", problems);
        ExtraFreeMailDomains = extraDomains;
        NotFreeMailDomains = notFreeDomains;
    }

    private static List<string> Domains(string field, IEnumerable<string> given, List<FieldProblem> problems)
    {
        var list = given.Take(MaxFreeMailOverrides + 1).ToList();
        if (list.Count > MaxFreeMailOverrides)
        {
            problems.Add(FieldProblem.Of(field, "too_many", ("max", MaxFreeMailOverrides.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            return [];
        }
        for (var i = 0; i < list.Count; i++)
        {
            var domain = EmailAddress.NormalizeDomain(list[i] ?? "");
            if (!IsDomain(domain)) problems.Add(FieldProblem.Of($"{field}[{i}]", "invalid_domain", ("value", list[i] is { Length: > 60 } v ? v[..60] : list[i] ?? "")));
            list[i] = domain;
        }
        return list.Distinct().ToList();
    }

    private static bool IsDomain(string domain) =>
        domain.Length is > 0 and <= MaxDomainLength && domain.Contains('.', StringComparison.Ordinal)
        && domain.Split('.').All(label => label.Length is > 0 and <= 63 && label[0] != '-' && label[^1] != '-'
            && label.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'));

    public bool IsFreeMail(string domain)
    {
        var d = EmailAddress.NormalizeDomain(domain);
        if (NotFreeMailDomains.Contains(d)) return false;
        return ExtraFreeMailDomains.Contains(d) || FreeMailDomains.Contains(d);
    }
}
