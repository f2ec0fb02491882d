using System.IO.Compression;
using System.Text;
using System.Xml;
using Collaboration.Application.Imports;
using DocumentFormat.OpenXml.Packaging;

namespace Collaboration.Infrastructure.Imports;

/// <summary>
/// The first sheet of an XLSX workbook, streamed: the XML of the sheet and of the shared strings is read node by node,
/// never loaded as a document, and every count is checked against the <see cref="ImportLimits"/> as it grows.
/// </summary>
internal static class XlsxSheetReader
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string StrictRelationshipsNamespace = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    [ThreadStatic]
    private static char[]? t_chunk;

    private static char[] Chunk => t_chunk ??= new char[4096];

    public static ImportTable Read(byte[] content, ImportLimits limits)
    {
        try
        {
            RefuseZipBomb(content, limits);
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = limits.MaxUnpackedBytes });
            var workbook = document.WorkbookPart ?? throw new ImportFileException("The workbook has no sheets.");
            var sheetId = FirstSheetId(workbook, limits) ?? throw new ImportFileException("The workbook has no sheets.");
            if (workbook.GetPartById(sheetId) is not WorksheetPart sheet) throw new ImportFileException("The first sheet holds no table (it is a chart).");
            var table = new TableBuilder(limits);
            var shared = workbook.SharedStringTablePart is { } strings ? ReadSharedStrings(strings, table) : [];
            ReadRows(sheet, shared, table);
            return table.Build("The sheet is empty.");
        }
        catch (XmlException e)
        {
            throw new ImportFileException($"The sheet is not well-formed XML: {e.Message}");
        }
        catch (Exception e) when (e is not (ImportFileException or OutOfMemoryException or OperationCanceledException))
        {
            // OpenXmlPackageException, InvalidDataException, FileFormatException, IOException, KeyNotFoundException...
            throw new ImportFileException("The file is not a readable XLSX workbook.");
        }
    }

    /// <summary>The sizes in the zip directory bind: an entry is never inflated past the size it declares.</summary>
    private static void RefuseZipBomb(byte[] content, ImportLimits limits)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        long unpacked = 0;
        foreach (var entry in zip.Entries)
        {
            unpacked += entry.Length;
            if (unpacked > limits.MaxUnpackedBytes)
            {
                throw new ImportFileException($"The workbook unpacks to more than {limits.MaxUnpackedBytes / (1024 * 1024):N0} MB; split it into smaller lists.");
            }
        }
    }

    private static XmlReader Open(OpenXmlPart part, ImportLimits limits) => XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = limits.MaxUnpackedBytes,
        CloseInput = true,
    });

    private static string? FirstSheetId(WorkbookPart workbook, ImportLimits limits)
    {
        using var reader = Open(workbook, limits);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet")
            {
                return reader.GetAttribute("id", RelationshipsNamespace) ?? reader.GetAttribute("id", StrictRelationshipsNamespace);
            }
        }
        return null;
    }

    private static string[] ReadSharedStrings(SharedStringTablePart part, TableBuilder table)
    {
        var strings = new List<string>();
        var text = new StringBuilder();
        using var reader = Open(part, table.Limits);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "si") continue;
            if (strings.Count >= table.Limits.MaxCells)
            {
                throw new ImportFileException($"The workbook has more than {table.Limits.MaxCells:N0} shared strings; split it into smaller lists.");
            }
            text.Clear();
            if (!reader.IsEmptyElement) ReadStringItem(reader, text, table, line: 0);
            strings.Add(table.Keep(text.ToString()));
        }
        return [.. strings];
    }

    private static void ReadRows(WorksheetPart part, string[] shared, TableBuilder table)
    {
        using var reader = Open(part, table.Limits);
        var line = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row") continue;
            line = RowNumber(reader.GetAttribute("r"), line);
            var cells = new List<string>();
            if (!reader.IsEmptyElement) ReadCells(reader, shared, table, line, cells);
            table.AddRow(line, cells);
        }
    }

    private static int RowNumber(string? reference, int previous)
    {
        if (reference is null) return previous + 1;
        if (!int.TryParse(reference, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            || number < 1 || number > ImportLimits.MaxSheetRow)
        {
            throw new ImportFileException($"Row number \"{Cut(reference)}\" is not a row of a sheet (1 to {ImportLimits.MaxSheetRow:N0}).");
        }
        return number;
    }

    /// <summary>The cells of the row the reader is on, up to the row's end tag.</summary>
    private static void ReadCells(XmlReader reader, string[] shared, TableBuilder table, int line, List<string> cells)
    {
        var rowDepth = reader.Depth;
        var text = new StringBuilder();
        while (reader.Read() && reader.Depth > rowDepth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c") continue;
            var index = ColumnIndex(reader.GetAttribute("r")) ?? cells.Count;
            var type = reader.GetAttribute("t");
            while (cells.Count < index)
            {
                table.CountCell(line);
                cells.Add("");
            }
            text.Clear();
            if (!reader.IsEmptyElement) ReadCellContent(reader, text, table, line);
            table.CountCell(line);
            cells.Add(type switch
            {
                "s" => int.TryParse(text.ToString(), out var i) && i >= 0 && i < shared.Length ? shared[i] : "",
                _ => table.Keep(text.ToString()),
            });
        }
    }

    /// <summary>A cell's value (<c>v</c>) or inline string (<c>is</c>); its formula and anything else are passed over.</summary>
    private static void ReadCellContent(XmlReader reader, StringBuilder text, TableBuilder table, int line)
    {
        var cellDepth = reader.Depth;
        while (reader.Read() && reader.Depth > cellDepth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.IsEmptyElement) continue;
            if (reader.LocalName == "v") ReadTextOf(reader, text, table, line);
            else if (reader.LocalName == "is") ReadStringItem(reader, text, table, line);
            else SkipElement(reader);
        }
    }

    /// <summary>Rich text (<c>si</c> or <c>is</c>): its runs' <c>t</c>, without the phonetic guide (<c>rPh</c>) Excel does not show.</summary>
    private static void ReadStringItem(XmlReader reader, StringBuilder text, TableBuilder table, int line)
    {
        var itemDepth = reader.Depth;
        while (reader.Read() && reader.Depth > itemDepth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.IsEmptyElement) continue;
            if (reader.LocalName == "t") ReadTextOf(reader, text, table, line);
            else if (reader.LocalName is "rPh" or "phoneticPr") SkipElement(reader);
        }
    }

    /// <summary>The text of the element the reader is on, in chunks, so one huge value never becomes one huge string.</summary>
    private static void ReadTextOf(XmlReader reader, StringBuilder text, TableBuilder table, int line)
    {
        var depth = reader.Depth;
        var chunk = Chunk;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace))
            {
                if (reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement) SkipElement(reader);
                continue;
            }
            int read;
            while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
            {
                if (text.Length + read > table.Limits.MaxFieldChars) throw table.FieldTooLong(line);
                text.Append(chunk, 0, read);
            }
        }
    }

    /// <summary>Passes over the element the reader is on, reading its text in chunks (never as one string).</summary>
    private static void SkipElement(XmlReader reader)
    {
        var depth = reader.Depth;
        var chunk = Chunk;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                while (reader.ReadValueChunk(chunk, 0, chunk.Length) > 0) { }
            }
        }
    }

    /// <summary>The 0-based column of a reference such as "AB12"; beyond XFD (16,384) it is no cell of a sheet.</summary>
    internal static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > ImportLimits.MaxColumns)
            {
                throw new ImportFileException($"Cell \"{Cut(reference)}\" is beyond column XFD, the last column a sheet can have.");
            }
        }
        return index == 0 ? null : index - 1;
    }

    private static string Cut(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
