using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Collaboration.Application.Imports;

/// <summary>One data row and the line it starts on (the header is line 1 in a CSV, row 1 in a sheet).</summary>
public sealed record ImportLine(int Line, IReadOnlyList<string> Cells);

/// <summary>An uploaded list: its column headers and its rows, as text.</summary>
public sealed record ImportTable(IReadOnlyList<string> Columns, IReadOnlyList<ImportLine> Rows);

public sealed class ImportFileException(string message) : Exception(message);

/// <summary>
/// Reads CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes; comma, semicolon or tab) in UTF-8
/// with or without a BOM, UTF-16 with a BOM, or GB18030 when the bytes are not UTF-8; and XLSX (the first sheet).
/// </summary>
public static class ImportFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ImportTable Read(byte[] content, string fileName)
    {
        var isXlsx = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            || (content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4);
        return isXlsx ? ReadXlsx(content) : ReadCsv(Decode(content));
    }

    public static string Decode(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) return StrictUtf8.GetString(bytes, 3, bytes.Length - 3);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Chinese Excel saves "CSV" in the system code page: GB18030 (a superset of GBK and GB2312).
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    public static ImportTable ReadCsv(string text)
    {
        var delimiter = DetectDelimiter(text);
        var records = ParseCsv(text, delimiter);
        if (records.Count == 0) throw new ImportFileException("The file is empty.");
        var header = records[0].Cells.Select(c => c.Trim()).ToList();
        return new ImportTable(header, records.Skip(1).ToList());
    }

    private static char DetectDelimiter(string text)
    {
        var end = text.IndexOf('\n');
        var first = end < 0 ? text : text[..end];
        char[] candidates = [',', ';', '\t'];
        return candidates.OrderByDescending(c => first.Count(ch => ch == c)).First();
    }

    private static List<ImportLine> ParseCsv(string text, char delimiter)
    {
        var records = new List<ImportLine>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var atCellStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    cell.Append(c);
                }
                continue;
            }
            if (c == '"' && atCellStart)
            {
                quoted = true;
                atCellStart = false;
            }
            else if (c == delimiter)
            {
                cells.Add(cell.ToString());
                cell.Clear();
                atCellStart = true;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                cells.Add(cell.ToString());
                cell.Clear();
                AddRecord(records, cells, recordLine);
                cells = [];
                line++;
                recordLine = line;
                atCellStart = true;
            }
            else
            {
                cell.Append(c);
                atCellStart = false;
            }
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            AddRecord(records, cells, recordLine);
        }
        return records;
    }

    private static void AddRecord(List<ImportLine> records, List<string> cells, int line)
    {
        if (cells.All(string.IsNullOrWhiteSpace)) return;
        records.Add(new ImportLine(line, cells));
    }

    public static ImportTable ReadXlsx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw new ImportFileException("The workbook has no sheets.");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new ImportFileException("The workbook has no sheets.");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var rows = new List<ImportLine>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var index = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < index) cells.Add("");
                    cells.Add(CellText(cell, shared));
                }
                var line = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1));
                if (cells.All(string.IsNullOrWhiteSpace)) continue;
                rows.Add(new ImportLine(line, cells));
            }
            if (rows.Count == 0) throw new ImportFileException("The sheet is empty.");
            return new ImportTable(rows[0].Cells.Select(c => c.Trim()).ToList(), rows.Skip(1).ToList());
        }
        catch (Exception e) when (e is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or System.IO.IOException)
        {
            throw new ImportFileException("The file is not a readable XLSX workbook.");
        }
    }

    private static string CellText(Cell cell, string[] shared)
    {
        var value = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(value, out var i) && i >= 0 && i < shared.Length ? shared[i] : "";
        }
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        return value;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index == 0 ? null : index - 1;
    }
}
