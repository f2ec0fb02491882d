namespace Collaboration.Domain.Common;

/// <summary>
/// A refused operation: a stable code the front ends localize, and the values the message names.
/// </summary>
public sealed record DomainError(string Code, IReadOnlyDictionary<string, string> Values)
{
    public DomainError(string code) : this(code, new Dictionary<string, string>()) { }

    public static DomainError Of(string code, params (string Key, string Value)[] values) =>
        new(code, values.ToDictionary(v => v.Key, v => v.Value));

    public string Describe(string? locale = null) => ErrorMessages.Format(this, locale);
}

public class DomainException(DomainError error) : Exception(error.Describe("en"))
{
    public DomainError Error { get; } = error;
}

/// <summary>The entity does not exist, or the caller may not see it: both look the same from outside.</summary>
public sealed class NotFoundException(string what) : DomainException(DomainError.Of("not_found", ("what", what)));

/// <summary>Someone else changed the deal since the caller read it.</summary>
public sealed class ConcurrencyConflictException(Guid opportunityId, int expectedVersion, int currentVersion)
    : DomainException(DomainError.Of("conflict",
        ("expected", expectedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("current", currentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))))
{
    public Guid OpportunityId { get; } = opportunityId;
    public int ExpectedVersion { get; } = expectedVersion;
    public int CurrentVersion { get; } = currentVersion;
}

/// <summary>Someone else saved tenant settings (the pipeline) since the caller loaded them; nothing was saved.</summary>
public sealed class StaleSettingsException(string code, int expectedVersion, int currentVersion)
    : DomainException(DomainError.Of(code,
        ("expected", expectedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("current", currentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))))
{
    public int CurrentVersion { get; } = currentVersion;
}
