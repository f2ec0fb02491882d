using System.Text.RegularExpressions;

namespace Collaboration.Domain.Capture.EmailHints;

/// <summary>Calendar arithmetic for the targets: month ends, quarter ends, years implied by the mail's date.</summary>
internal static partial class TimelineReader
{
    private static DateOnly? MonthDay(DateOnly receivedOn, int? year, int? month, int? day)
    {
        if (month is null || day is null)
        {
            return null;
        }

        if (year is { } explicitYear)
        {
            return DateOrNull(explicitYear, month.Value, day.Value);
        }

        var thisYears = DateOrNull(receivedOn.Year, month.Value, day.Value);
        return thisYears is { } date && date < receivedOn ? DateOrNull(receivedOn.Year + 1, month.Value, day.Value) : thisYears;
    }

    private static DateOnly? MonthEnd(DateOnly receivedOn, int? year, int month)
    {
        if (year is { } explicitYear)
        {
            return EndOfMonth(explicitYear, month);
        }

        var thisYears = EndOfMonth(receivedOn.Year, month);
        return thisYears is { } date && date < receivedOn ? EndOfMonth(receivedOn.Year + 1, month) : thisYears;
    }

    private static int QuarterOf(DateOnly date) => (date.Month - 1) / 3 + 1;

    private static DateOnly? EndOfQuarter(int year, int quarter) => EndOfMonth(year, quarter * 3);

    private static DateOnly? EndOfMonth(int year, int month) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 ? DateOrNull(year, month, DateTime.DaysInMonth(year, month)) : null;

    private static DateOnly? DateOrNull(int? year, int? month, int? day)
    {
        if (year is not (>= 1 and <= 9999) || month is not (>= 1 and <= 12) || day is not >= 1)
        {
            return null;
        }

        return day <= DateTime.DaysInMonth(year.Value, month.Value) ? new DateOnly(year.Value, month.Value, day.Value) : null;
    }

    private static DateOnly? AddDays(DateOnly date, int days) =>
        date.DayNumber + (long)days <= DateOnly.MaxValue.DayNumber ? date.AddDays(days) : null;

    private static int? Int(Match match, string group) =>
        match.Groups[group].Success ? Numerals.ParseSmall(match.Groups[group].Value) : null;

    private static int? YearOrNull(Match match, DateOnly receivedOn)
    {
        if (match.Groups["next"].Success)
        {
            return receivedOn.Year + 1;
        }

        return YearOrNull(match);
    }

    private static int? YearOrNull(Match match)
    {
        var group = match.Groups["y"];
        if (!group.Success)
        {
            return null;
        }

        var year = Numerals.ParseSmall(group.Value);
        return year is < 100 ? 2000 + year : year;
    }

    private static int? MonthNumber(string name) => name.Length < 3 ? null : name[..3].ToLowerInvariant() switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => null,
    };
}
