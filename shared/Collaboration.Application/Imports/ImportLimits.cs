using Microsoft.Extensions.Configuration;

namespace Collaboration.Application.Imports;

/// <summary>
/// How much of an uploaded list is read (<c>Imports:*</c>). A file past a limit is refused with the limit named, so
/// a hostile or mistaken upload costs bounded memory and time instead of taking the host down.
/// </summary>
public sealed record ImportLimits
{
    public const string Section = "Imports";

    /// <summary>The last column a sheet can have (XFD); a cell reference beyond it is not a spreadsheet cell.</summary>
    public const int MaxColumns = 16_384;

    /// <summary>The last row a sheet can have.</summary>
    public const int MaxSheetRow = 1_048_576;

    /// <summary>Data rows (the header not counted).</summary>
    public int MaxRows { get; init; } = 100_000;

    /// <summary>Cells kept over the whole file, counting the blanks before a cell further right.</summary>
    public int MaxCells { get; init; } = 2_000_000;

    /// <summary>Characters in one field; Excel's own limit for a cell.</summary>
    public int MaxFieldChars { get; init; } = 32_767;

    /// <summary>Characters of text kept from one file (an XLSX's shared strings count once).</summary>
    public int MaxTextChars { get; init; } = 64_000_000;

    /// <summary>
    /// An XLSX's parts together, unpacked; also each part's character limit for the XML reader. A zip bomb is refused
    /// from its directory, before anything is inflated.
    /// </summary>
    public long MaxUnpackedBytes { get; init; } = 128L * 1024 * 1024;

    public static ImportLimits From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ImportLimits>() ?? new ImportLimits();
}
