namespace Collaboration.Application.Imports;

/// <summary>One data row and the line it starts on (the header is line 1 in a CSV, row 1 in a sheet).</summary>
public sealed record ImportLine(int Line, IReadOnlyList<string> Cells);

/// <summary>An uploaded list: its column headers and its rows, as text.</summary>
public sealed record ImportTable(IReadOnlyList<string> Columns, IReadOnlyList<ImportLine> Rows);

/// <summary>A file that cannot be read, or a mapping that does not fit it; the message says why.</summary>
public sealed class ImportFileException(string message) : Exception(message);

/// <summary>Reads an uploaded list (CSV or XLSX) within the given limits, or throws <see cref="ImportFileException"/> saying why.</summary>
public interface IImportFileReader
{
    ImportTable Read(byte[] content, string fileName, ImportLimits limits);
}
