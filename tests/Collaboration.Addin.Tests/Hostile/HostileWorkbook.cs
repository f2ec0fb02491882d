using System.IO.Compression;
using System.Text;

namespace Collaboration.Addin.Tests.Hostile;

/// <summary>Hand-made XLSX packages, so a test can put into a sheet what Excel never would.</summary>
public static class HostileWorkbook
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static string Sheet(string sheetData) => $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\"><sheetData>{sheetData}</sheetData></worksheet>";

    public static byte[] WithSheet(string sheetXml, string? sharedStringsXml = null) =>
        Build(sheet => sheet.Write(Encoding.UTF8.GetBytes(sheetXml)), sharedStringsXml is null ? null : strings => strings.Write(Encoding.UTF8.GetBytes(sharedStringsXml)));

    /// <summary>A package whose sheet and shared strings are written by the caller, streamed into the zip.</summary>
    public static byte[] Build(Action<Stream> writeSheet, Action<Stream>? writeSharedStrings = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
            Add(zip, "_rels/.rels", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + $"<Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Add(zip, "xl/workbook.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\"><sheets><sheet name=\"Leads\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Add(zip, "xl/_rels/workbook.xml.rels", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + $"<Relationship Id=\"rId1\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + (writeSharedStrings is null ? "" : $"<Relationship Id=\"rId2\" Type=\"{Relationships}/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                + "</Relationships>");
            using (var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open()) writeSheet(sheet);
            if (writeSharedStrings is not null)
            {
                using var strings = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open();
                writeSharedStrings(strings);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Writes <paramref name="repeated"/> until about <paramref name="bytes"/> have been written, between a head and a tail.</summary>
    public static Action<Stream> Repeat(string head, string repeated, long bytes, string tail) => stream =>
    {
        var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(repeated, Math.Max(1, 64 * 1024 / repeated.Length))));
        stream.Write(Encoding.UTF8.GetBytes(head));
        for (long written = 0; written < bytes; written += chunk.Length) stream.Write(chunk);
        stream.Write(Encoding.UTF8.GetBytes(tail));
    };

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
