using System.Collections.Concurrent;
using System.Text.Json;
using Collaboration.Application.Persistence;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence;

/// <summary>Stores small value objects (BANT, a review, a tenant's pipeline) as one JSON text column on every provider.</summary>
internal static class JsonValueConversions
{
    internal static readonly JsonSerializerOptions Options = CrmDbContext.EventJson;

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
    /// For an immutable value read far more often than it changes (a tenant's pipeline: every turn reads it): the same
    /// text gives the same instance, parsed once. Compared and snapshotted as <see cref="HasJsonConversion{T}"/> does.
    /// </summary>
    public static PropertyBuilder<T> HasSharedJsonConversion<T>(this PropertyBuilder<T> property) where T : class
    {
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            s => ParsedOnce<T>.Parse(s),
            new ValueComparer<T>(
                (a, b) => ReferenceEquals(a, b) || (a != null && b != null && JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options)),
                v => JsonSerializer.Serialize(v, Options).GetHashCode(),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!));
        return property;
    }

    /// <summary>Values by their JSON text; at most <see cref="MaxEntries"/> texts are kept (then it starts over), so a text per tenant stays bounded.</summary>
    internal static class ParsedOnce<T> where T : class
    {
        internal const int MaxEntries = 1024;
        private static readonly ConcurrentDictionary<string, T> Values = new(StringComparer.Ordinal);

        public static T Parse(string json)
        {
            if (Values.TryGetValue(json, out var value)) return value;
            value = JsonSerializer.Deserialize<T>(json, Options)!;
            if (Values.Count >= MaxEntries) Values.Clear();
            Values.TryAdd(json, value);
            return value;
        }

        internal static int Count => Values.Count;
    }

    /// <summary>
    /// For an immutable record of scalars (no collections): its own equality tells a change, the instance itself is the
    /// change tracker's snapshot, and the same text gives the same instance (deal lists read many alike, e.g. empty BANT),
    /// so reading, loading and saving entities does not parse and serialize the value again and again.
    /// </summary>
    public static PropertyBuilder<T> HasRecordJsonConversion<T>(this PropertyBuilder<T> property) where T : class, IEquatable<T>
    {
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            s => ParsedOnce<T>.Parse(s),
            new ValueComparer<T>((a, b) => Equals(a, b), v => v.GetHashCode(), v => v));
        return property;
    }
}
