using System.Text;
using Collaboration.Application.Imports;

namespace Collaboration.Infrastructure.Imports;

/// <summary>
/// Reads CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes; comma, semicolon or tab) in UTF-8
/// with or without a BOM, UTF-16 with a BOM, or GB18030 when the bytes are not UTF-8; and XLSX (the first sheet).
/// Either is read within <see cref="ImportLimits"/>; past one, <see cref="ImportFileException"/> names it.
/// </summary>
public static class ImportFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ImportTable Read(byte[] content, string fileName, ImportLimits? limits = null)
    {
        limits ??= new ImportLimits();
        if (content.Length > Domain.Imports.ImportJobFile.MaxBytes)
        {
            throw new ImportFileException($"The file is larger than {Domain.Imports.ImportJobFile.MaxBytes / (1024 * 1024)} MB.");
        }
        var isXlsx = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            || (content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4);
        return isXlsx ? XlsxSheetReader.Read(content, limits) : ReadCsv(Decode(content), limits);
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

    public static ImportTable ReadCsv(string text, ImportLimits? limits = null)
    {
        var table = new TableBuilder(limits ?? new ImportLimits());
        ParseCsv(text, DetectDelimiter(text), table);
        return table.Build("The file is empty.");
    }

    private static char DetectDelimiter(string text)
    {
        var end = text.IndexOf('\n');
        var first = end < 0 ? text : text[..end];
        char[] candidates = [',', ';', '\t'];
        return candidates.OrderByDescending(c => first.Count(ch => ch == c)).First();
    }

    private static void ParseCsv(string text, char delimiter, TableBuilder table)
    {
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
                    if (i + 1 < text.Length && text[i + 1] == '"') { Append('"'); i++; }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    Append(c);
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
                EndCell();
                atCellStart = true;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                EndCell();
                table.AddRow(recordLine, cells);
                cells = [];
                line++;
                recordLine = line;
                atCellStart = true;
            }
            else
            {
                Append(c);
                atCellStart = false;
            }
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            EndCell();
            table.AddRow(recordLine, cells);
        }

        void Append(char c)
        {
            if (cell.Length >= table.Limits.MaxFieldChars) throw table.FieldTooLong(recordLine);
            cell.Append(c);
        }

        void EndCell()
        {
            table.CountCell(recordLine);
            cells.Add(table.Keep(cell.ToString()));
            cell.Clear();
        }
    }
}

/// <summary><see cref="ImportFile"/> as the use cases' port.</summary>
public sealed class ImportFileReader : IImportFileReader
{
    public ImportTable Read(byte[] content, string fileName, ImportLimits limits) => ImportFile.Read(content, fileName, limits);
}
