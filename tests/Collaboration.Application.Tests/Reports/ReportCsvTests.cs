using System.Text;
using Collaboration.Application.Reports;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Application.Tests.Reports;

public class ReportCsvTests
{
    private sealed record Line(string? Name, Stage Stage, int Deals, decimal Amount, double? Rate, DateOnly Day);

    private sealed record TextReport(IReadOnlyList<Line> Rows) : IReport
    {
        public string Key => "test";
        public DateTimeOffset AsOf => DateTimeOffset.UnixEpoch;
        public void WriteCsv(TextWriter writer) => ReportCsv.Write(Rows, writer);
    }

    [Fact]
    public void QuotesCommasQuotesAndLineBreaksAndDefusesFormulas()
    {
        var csv = ReportCsv.ToCsv(new TextReport(
        [
            new("Smith, \"Bob\"\nJr", Stage.Proposal, 2, -1500.5m, 0.3333333, new DateOnly(2026, 1, 2)),
            new("=SUM(A1:A9)", Stage.Won, 0, 0m, null, new DateOnly(2026, 12, 31)),
            new("+1 555", Stage.Lost, 1, 10m, 1, new DateOnly(2026, 3, 4)),
            new("-minus, and @at", Stage.New, 1, 10m, 1, new DateOnly(2026, 3, 4)),
            new("@cmd", Stage.New, 1, 10m, 1, new DateOnly(2026, 3, 4)),
            new(null, Stage.New, 1, 10m, 1, new DateOnly(2026, 3, 4)),
        ]));

        Assert.Equal(
            "name,stage,deals,amount,rate,day\r\n" +
            "\"Smith, \"\"Bob\"\"\nJr\",proposal,2,-1500.5,0.3333,2026-01-02\r\n" +
            "'=SUM(A1:A9),won,0,0,,2026-12-31\r\n" +
            "'+1 555,lost,1,10,1,2026-03-04\r\n" +
            "\"'-minus, and @at\",new,1,10,1,2026-03-04\r\n" +
            "'@cmd,new,1,10,1,2026-03-04\r\n" +
            ",new,1,10,1,2026-03-04\r\n",
            csv);
    }

    [Fact]
    public void ChineseTextRoundTripsAsUtf8WithAByteOrderMark()
    {
        var bytes = ReportCsv.ToBytes(new TextReport([new("华辰科技 – 年度采购，二期", Stage.Contract, 1, 700_000m, 0.8, new DateOnly(2026, 11, 26))]));

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lines = reader.ReadToEnd().Split("\r\n");
        Assert.Equal("华辰科技 – 年度采购，二期,contract,1,700000,0.8,2026-11-26", lines[1]);
    }

    [Fact]
    public void TheInvariantCultureHoldsWhateverTheThreadCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var csv = ReportCsv.ToCsv(new TextReport([new("x", Stage.New, 1234, 1234.5m, 0.25, new DateOnly(2026, 11, 26))]));
            Assert.Equal("x,new,1234,1234.5,0.25,2026-11-26", csv.Split("\r\n")[1]);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
