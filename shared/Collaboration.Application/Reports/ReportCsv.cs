using System.Globalization;
using System.Reflection;
using System.Text;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Application.Reports;

/// <summary>
/// Writes report rows as CSV (RFC 4180): a header of the row's property names, invariant culture, CRLF line ends,
/// fields quoted when they hold a comma, quote or line break. Text that a spreadsheet would run as a formula
/// (starting with = + - @, tab or carriage return) gets a leading single quote; numbers are written as numbers.
/// </summary>
public static class ReportCsv
{
    /// <summary>UTF-8 with a byte-order mark, so Excel opens Chinese names correctly.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public const string ContentType = "text/csv; charset=utf-8";

    public static void Write<TRow>(IEnumerable<TRow> rows, TextWriter writer)
    {
        var columns = typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        writer.Write(string.Join(',', columns.Select(c => Field(ColumnName(c.Name)))));
        writer.Write("\r\n");
        foreach (var row in rows)
        {
            writer.Write(string.Join(',', columns.Select(c => Field(Format(c.GetValue(row))))));
            writer.Write("\r\n");
        }
    }

    public static string ToCsv(IReport report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        report.WriteCsv(writer);
        return writer.ToString();
    }

    public static async Task WriteAsync(IReport report, Stream stream, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(stream, Encoding, bufferSize: 16 * 1024, leaveOpen: true);
        report.WriteCsv(writer);
        await writer.FlushAsync(ct);
    }

    public static byte[] ToBytes(IReport report)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, Encoding, leaveOpen: true))
        {
            report.WriteCsv(writer);
        }
        return stream.ToArray();
    }

    /// <summary>One field: protected against formula injection when it is text, quoted when it must be.</summary>
    public static string Field(string? text) => Quote(Defuse(text ?? ""));

    private static string Field(Cell cell) => Quote(cell.IsText ? Defuse(cell.Text) : cell.Text);

    private static string Defuse(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    private readonly record struct Cell(string Text, bool IsText);

    private static Cell Format(object? value) => value switch
    {
        null => new("", false),
        string s => new(s, true),
        Stage stage => new(stage.Key(), false),
        Enum e => new(e.ToString(), false),
        DateOnly d => new(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), false),
        DateTimeOffset t => new(t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), false),
        double x => new(Math.Round(x, 4).ToString(CultureInfo.InvariantCulture), false),
        decimal m => new(m.ToString("0.############################", CultureInfo.InvariantCulture), false),
        IFormattable f => new(f.ToString(null, CultureInfo.InvariantCulture), false),
        _ => new(value.ToString() ?? "", true),
    };

    private static string ColumnName(string property) => char.ToLowerInvariant(property[0]) + property[1..];
}
