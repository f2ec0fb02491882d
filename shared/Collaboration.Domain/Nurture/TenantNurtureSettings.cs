namespace Collaboration.Domain.Nurture;

/// <summary>A tenant's tuned reminder rules; a tenant without a row runs <see cref="NurtureRules.Default"/>.</summary>
public sealed class TenantNurtureSettings
{
    private TenantNurtureSettings() { }

    public TenantNurtureSettings(string tenantId, NurtureRules rules)
    {
        TenantId = tenantId;
        Rules = rules;
    }

    public string TenantId { get; private set; } = "";
    public NurtureRules Rules { get; private set; } = NurtureRules.Default;

    public void Change(NurtureRules rules) => Rules = rules;
}
