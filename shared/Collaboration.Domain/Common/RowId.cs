namespace Collaboration.Domain.Common;

/// <summary>
/// A new row's id: a version 7 GUID, whose first bits are the time it was made, so ids made later sort later (as
/// text on SQLite, as uuid on PostgreSQL). A new row then goes to the last page of its table's key and of every index
/// that starts with it (a new deal's interactions, stints and changes), pages the writes just before it touched
/// too, instead of a random page each; what a capture writes to the log and copies back at checkpoints shrinks with it.
/// The time in it is the machine's, not the domain's clock: it orders pages, it is no fact about the row.
/// </summary>
public static class RowId
{
    public static Guid New() => Guid.CreateVersion7();
}
