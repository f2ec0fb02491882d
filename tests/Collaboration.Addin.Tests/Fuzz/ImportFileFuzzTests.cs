using System.Diagnostics;
using System.Text;
using Collaboration.Addin.Tests.Hostile;
using Collaboration.Application.Imports;
using Collaboration.Infrastructure.Imports;
using CsCheck;

namespace Collaboration.Addin.Tests.Fuzz;

/// <summary>
/// Random and mutated CSV and XLSX files: the reader returns a table or throws <see cref="ImportFileException"/> (which
/// the endpoints answer with 422), and no file takes long.
/// </summary>
public class ImportFileFuzzTests
{
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(2);

    private static readonly string[] CsvPieces =
    [
        "email", "name", "mia@proseware.example", "张伟", ",", ";", "\t", "\"", "\"\"", "\n", "\r\n", "\r", " ", "=cmd|' /C calc'!A0",
        "\u0000", "\ufeff", "\ud800", "1e999", "2026-02-30", ",,,,,,,,,,", "\"unterminated",
    ];

    private static readonly string[] XmlPieces =
    [
        "<row>", "</row>", "<row r=\"0\">", "<row r=\"99999999999\">", "<c>", "</c>", "<c r=\"XFD1\">", "<c r=\"XFE1\">", "<c r=\"A\">",
        "<c t=\"s\">", "<c t=\"inlineStr\">", "<v>", "</v>", "<v>-1</v>", "<v>999999999999</v>", "<is><t>", "</t></is>",
        "<f>SUM(A1)</f>", "&amp;", "&", "&#0;", "&#x10FFFF;", "<![CDATA[x]]>", "<!-- c -->", "<!DOCTYPE x [<!ENTITY a 'b'>]>", "&a;",
        "<rPh><t>", "</rPh>", "x", " ", "\u4e2d", "\"", "<", ">", "/>",
    ];

    private static readonly Gen<string> Csv = Gen.OneOf(
        Gen.Int[0, CsvPieces.Length - 1].Array[0, 400].Select(picks => string.Concat(picks.Select(p => CsvPieces[p]))),
        Gen.String,
        Gen.Char.Array[0, 10_000].Select(chars => new string(chars)));

    private static readonly string ValidSheet = HostileWorkbook.Sheet(
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>Name</t></is></c></row>"
        + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\"><v>42</v></c></row>");

    private const string ValidSharedStrings =
        "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>Email</t></si><si><r><t>mia@</t></r><r><t>proseware.example</t></r></si></sst>";

    private static readonly Gen<byte[]> MutatedWorkbook = Gen.OneOf(
        from edits in Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, XmlPieces.Length - 1], Gen.Bool).Array[1, 12]
        select HostileWorkbook.WithSheet(Mutate(ValidSheet, edits), edits[0].Item3 ? Mutate(ValidSharedStrings, edits) : ValidSharedStrings),
        from flips in Gen.Select(Gen.Int[0, 100_000], Gen.Byte).Array[1, 20]
        select Flip(HostileWorkbook.WithSheet(ValidSheet, ValidSharedStrings), flips));

    private static string Mutate(string xml, (int At, int Piece, bool Remove)[] edits)
    {
        var text = new StringBuilder(xml);
        foreach (var (at, piece, remove) in edits)
        {
            var position = at % (text.Length + 1);
            if (remove && position < text.Length) text.Remove(position, Math.Min(XmlPieces[piece].Length, text.Length - position));
            else text.Insert(position, XmlPieces[piece]);
        }
        return text.ToString();
    }

    private static byte[] Flip(byte[] bytes, (int At, byte Value)[] flips)
    {
        foreach (var (at, value) in flips) bytes[at % bytes.Length] = value;
        return bytes;
    }

    private static void ReadsOrRefuses(byte[] file, string fileName)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var table = ImportFile.Read(file, fileName);
            Assert.All(table.Rows, row => Assert.True(row.Cells.Count <= ImportLimits.MaxColumns));
        }
        catch (ImportFileException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
        Assert.True(watch.Elapsed < PerInput, $"Reading {file.Length} bytes took {watch.Elapsed}.");
    }

    [Fact]
    public void AnyCsvIsReadOrRefusedWithAReason() =>
        Csv.Sample(text => ReadsOrRefuses(Encoding.UTF8.GetBytes(text), "list.csv"), iter: 2_000, threads: 1);

    [Fact]
    public void AnyBytesNamedCsvAreReadOrRefusedWithAReason() =>
        Gen.Byte.Array[0, 4_000].Sample(bytes => ReadsOrRefuses(bytes, "list.csv"), iter: 1_000, threads: 1);

    [Fact]
    public void MutatedWorkbooksAreReadOrRefusedWithAReason() =>
        MutatedWorkbook.Sample(bytes => ReadsOrRefuses(bytes, "list.xlsx"), iter: 1_500, threads: 1);
}
