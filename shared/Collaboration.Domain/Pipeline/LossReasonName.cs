namespace Collaboration.Domain.Pipeline;

/// <summary>How a loss reason reads: the key deals store, and its name in English and Chinese.</summary>
public sealed record LossReasonName(string Key, string En, string Zh)
{
    public string DisplayName(string? locale) => Common.ErrorMessages.IsChinese(locale) ? Zh : En;
}
