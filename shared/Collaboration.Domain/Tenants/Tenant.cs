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

    public void ChangeFreeMailOverrides(IEnumerable<string> extra, IEnumerable<string> notFreeMail)
    {
        ExtraFreeMailDomains = extra.Select(EmailAddress.NormalizeDomain).Distinct().ToList();
        NotFreeMailDomains = notFreeMail.Select(EmailAddress.NormalizeDomain).Distinct().ToList();
    }

    public bool IsFreeMail(string domain)
    {
        var d = EmailAddress.NormalizeDomain(domain);
        if (NotFreeMailDomains.Contains(d)) return false;
        return ExtraFreeMailDomains.Contains(d) || FreeMailDomains.Contains(d);
    }
}
