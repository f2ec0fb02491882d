using System.Text.Json;
using Collaboration.Application.Persistence;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence;

/// <summary>Stores small value objects (BANT, a review, a tenant's pipeline) as one JSON text column on every provider.</summary>
internal static class JsonValueConversions
{
    private static readonly JsonSerializerOptions Options = CrmDbContext.EventJson;

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property) where T : class?
    {
        property.HasConversion(
            v => v == null ? null! : JsonSerializer.Serialize(v, Options),
            s => s == null ? default! : JsonSerializer.Deserialize<T>(s, Options)!,
            new ValueComparer<T>(
                (a, b) => ReferenceEquals(a, b) || (a != null && b != null && JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options)),
                v => v == null ? 0 : JsonSerializer.Serialize(v, Options).GetHashCode(),
                v => v == null ? default! : JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!));
        return property;
    }

    /// <summary>
    /// For an immutable record of scalars (no collections): its own equality tells a change, and the instance itself is
    /// the change tracker's snapshot, so loading and saving an entity does not serialize the value again and again.
    /// </summary>
    public static PropertyBuilder<T> HasRecordJsonConversion<T>(this PropertyBuilder<T> property) where T : class, IEquatable<T>
    {
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            s => JsonSerializer.Deserialize<T>(s, Options)!,
            new ValueComparer<T>((a, b) => Equals(a, b), v => v.GetHashCode(), v => v));
        return property;
    }
}
