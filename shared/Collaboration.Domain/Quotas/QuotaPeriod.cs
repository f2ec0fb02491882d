using System.Globalization;
using Collaboration.Domain.Common;

namespace Collaboration.Domain.Quotas;

/// <summary>A calendar month ("2027-01") or quarter ("2027-Q1") a quota is set for.</summary>
public readonly record struct QuotaPeriod
{
    private QuotaPeriod(int year, int firstMonth, int months)
    {
        Year = year;
        FirstMonth = firstMonth;
        Months = months;
    }

    public int Year { get; }
    public int FirstMonth { get; }

    /// <summary>1 for a month, 3 for a quarter.</summary>
    public int Months { get; }

    public bool IsQuarter => Months == 3;
    public DateOnly Start => new(Year, FirstMonth, 1);
    public DateOnly End => Start.AddMonths(Months).AddDays(-1);

    public static QuotaPeriod Month(int year, int month) => new(year, month, 1);

    public static QuotaPeriod Quarter(int year, int quarter) => new(year, (quarter - 1) * 3 + 1, 3);

    public static bool TryParse(string? text, out QuotaPeriod period)
    {
        period = default;
        var value = text?.Trim() ?? "";
        if (value.Length != 7 || value[4] != '-') return false;
        if (!int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000 || year > 2200) return false;
        if (value[5] is 'Q' or 'q')
        {
            if (value[6] is < '1' or > '4') return false;
            period = Quarter(year, value[6] - '0');
            return true;
        }
        if (!int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12) return false;
        period = Month(year, month);
        return true;
    }

    /// <summary>Parses or refuses naming <paramref name="field"/>.</summary>
    public static QuotaPeriod Parse(string? text, string field = "period") =>
        TryParse(text, out var period) ? period
            : throw new DomainException(DomainError.Of("invalid_quota_period", ("value", text ?? ""), ("field", field)));

    /// <summary>The month or quarter exactly spanning the days, if there is one (quotas stored with arbitrary dates have none).</summary>
    public static QuotaPeriod? Spanning(DateOnly start, DateOnly end)
    {
        if (start.Day != 1) return null;
        if (end == start.AddMonths(1).AddDays(-1)) return Month(start.Year, start.Month);
        if (end == start.AddMonths(3).AddDays(-1) && start.Month % 3 == 1) return Quarter(start.Year, (start.Month - 1) / 3 + 1);
        return null;
    }

    public override string ToString() => IsQuarter
        ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{(FirstMonth - 1) / 3 + 1}")
        : string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{FirstMonth:D2}");
}
