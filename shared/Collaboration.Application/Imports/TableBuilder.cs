namespace Collaboration.Application.Imports;

/// <summary>Collects a file's rows and refuses the file as soon as it passes one of the <see cref="ImportLimits"/>.</summary>
internal sealed class TableBuilder(ImportLimits limits)
{
    private readonly List<ImportLine> _rows = [];
    private long _cells;
    private long _textChars;

    public ImportLimits Limits { get; } = limits;

    public void CountCell(int line)
    {
        if (++_cells > Limits.MaxCells)
        {
            throw new ImportFileException($"The file has more than {Limits.MaxCells:N0} cells (line {line}); split it into smaller lists.");
        }
    }

    /// <summary>Counts text kept once however often it is referenced (an XLSX shared string).</summary>
    public string Keep(string text)
    {
        _textChars += text.Length;
        if (_textChars > Limits.MaxTextChars)
        {
            throw new ImportFileException($"The file holds more than {Limits.MaxTextChars:N0} characters of text; split it into smaller lists.");
        }
        return text;
    }

    public ImportFileException FieldTooLong(int line) =>
        new($"A field on line {line} is longer than {Limits.MaxFieldChars:N0} characters.");

    public void AddRow(int line, List<string> cells)
    {
        if (cells.All(string.IsNullOrWhiteSpace)) return;
        // The header is not a data row.
        if (_rows.Count > Limits.MaxRows)
        {
            throw new ImportFileException($"The file has more than {Limits.MaxRows:N0} rows; split it into smaller lists.");
        }
        _rows.Add(new ImportLine(line, cells));
    }

    public ImportTable Build(string whenEmpty)
    {
        if (_rows.Count == 0) throw new ImportFileException(whenEmpty);
        return new ImportTable(_rows[0].Cells.Select(c => c.Trim()).ToList(), _rows.Skip(1).ToList());
    }
}
