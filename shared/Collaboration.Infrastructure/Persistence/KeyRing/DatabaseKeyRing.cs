using System.Xml.Linq;
using Collaboration.Application.Persistence;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Infrastructure.Persistence.KeyRing;

/// <summary>
/// Keeps the data-protection key ring in the CRM database, so that every instance of a host on one database (and
/// the next start after a redeploy) reads what another protected: a log-on-send stamp issued by one add-in instance
/// is redeemed by any other. The key manager calls this rarely (start-up, a new key every 90 days) and synchronously.
/// </summary>
public sealed class DatabaseKeyRing(ICrmDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = database.Open((string?)null);
        var stored = db.Set<DataProtectionKeyRecord>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList();
        return stored.Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = database.Open((string?)null);
        var xml = element.ToString(SaveOptions.DisableFormatting);
        // Plain SQL: a unit of work saves only a tenant's rows. IXmlRepository is synchronous.
        db.Database.ExecuteSql($"""INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml") VALUES ({friendlyName}, {xml})""");
    }
}
