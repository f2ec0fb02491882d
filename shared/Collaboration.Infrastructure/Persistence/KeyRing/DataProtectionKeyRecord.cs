namespace Collaboration.Infrastructure.Persistence.KeyRing;

/// <summary>
/// One element of the ASP.NET Core data-protection key ring (a key or a revocation), as the key manager wrote it. The
/// hosts' own, not a tenant's: written by <see cref="DatabaseKeyRing"/> alone, with plain SQL.
/// </summary>
public sealed class DataProtectionKeyRecord
{
    public long Id { get; private set; }
    public string FriendlyName { get; private set; } = "";
    public string Xml { get; private set; } = "";
}
