using System.Globalization;
using Collaboration.Bot.Commands;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Bot.Tests;

/// <summary>Relative dates, read in the rep's own time zone from a fake clock, on both sides of UTC.</summary>
public sealed class RelativeDateReaderTests
{
    /// <summary>Zones with no daylight saving, so their offset checks the reader independently of the time zone database.</summary>
    private static readonly (string Zone, TimeSpan Offset)[] FixedZones =
    [
        ("Pacific/Kiritimati", TimeSpan.FromHours(14)),
        ("Pacific/Pago_Pago", TimeSpan.FromHours(-11)),
        ("Asia/Shanghai", TimeSpan.FromHours(8)),
        ("UTC", TimeSpan.Zero),
    ];

    private static readonly string[] AllZones = [.. FixedZones.Select(z => z.Zone), "America/Los_Angeles", "Europe/Berlin"];

    private static readonly Gen<DateTimeOffset> GenNow =
        Gen.Long[new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks, new DateTimeOffset(2090, 12, 31, 0, 0, 0, TimeSpan.Zero).UtcTicks]
            .Select(ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

    private static readonly Gen<string> GenZone = Gen.OneOf(AllZones);

    private static readonly (string Word, DayOfWeek Day)[] Weekdays =
    [
        ("monday", DayOfWeek.Monday), ("tue", DayOfWeek.Tuesday), ("Wednesday", DayOfWeek.Wednesday), ("thursday", DayOfWeek.Thursday),
        ("friday", DayOfWeek.Friday), ("sat", DayOfWeek.Saturday), ("sunday", DayOfWeek.Sunday),
    ];

    private static readonly (string Word, DayOfWeek Day)[] ChineseWeekdays =
    [
        ("一", DayOfWeek.Monday), ("二", DayOfWeek.Tuesday), ("三", DayOfWeek.Wednesday), ("四", DayOfWeek.Thursday),
        ("五", DayOfWeek.Friday), ("六", DayOfWeek.Saturday), ("日", DayOfWeek.Sunday), ("天", DayOfWeek.Sunday),
    ];

    [Theory]
    [InlineData("Asia/Shanghai", "2026-12-03")]
    [InlineData("China Standard Time", "2026-12-03")]
    [InlineData("Pacific/Kiritimati", "2026-12-03")]
    [InlineData("America/Los_Angeles", "2026-12-02")]
    [InlineData("Pacific Standard Time", "2026-12-02")]
    [InlineData("Pacific/Pago_Pago", "2026-12-02")]
    [InlineData("Not/AZone", "2026-12-02")]
    [InlineData(null, "2026-12-02")]
    public void At2230UtcItIsAlreadyTomorrowInShanghaiButNotInLosAngeles(string? zone, string today)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 22, 30, 0, TimeSpan.Zero));
        var expected = DateOnly.Parse(today, CultureInfo.InvariantCulture);

        Assert.Equal(expected, RelativeDateReader.Read("today", clock, zone));
        Assert.Equal(expected, RelativeDateReader.Read("今天", clock, zone));
        Assert.Equal(expected.AddDays(1), RelativeDateReader.Read("tomorrow", clock, zone));
        Assert.Equal(expected.AddDays(1), RelativeDateReader.Read("明天", clock, zone));
    }

    [Fact]
    public void NextFridayAcrossTheDayBoundaryDependsOnTheRepsZone()
    {
        // Thursday 22:30 UTC: Friday morning in Shanghai, Thursday afternoon in Los Angeles.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 22, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 12, 11), RelativeDateReader.Read("next friday", clock, "Asia/Shanghai"));
        Assert.Equal(new DateOnly(2026, 12, 4), RelativeDateReader.Read("next friday", clock, "America/Los_Angeles"));

        // Friday 10:30 UTC: still Thursday night in Pago Pago, already Saturday in Kiritimati.
        clock.Advance(TimeSpan.FromHours(12));
        Assert.Equal(new DateOnly(2026, 12, 3), RelativeDateReader.Read("today", clock, "Pacific/Pago_Pago"));
        Assert.Equal(new DateOnly(2026, 12, 5), RelativeDateReader.Read("today", clock, "Pacific/Kiritimati"));
    }

    [Theory]
    // Wednesday 2 December 2026.
    [InlineData("next friday", "2026-12-04")]
    [InlineData("friday", "2026-12-04")]
    [InlineData("this friday", "2026-12-04")]
    [InlineData("next wednesday", "2026-12-09")]
    [InlineData("this monday", "2026-11-30")]
    [InlineData("周五", "2026-12-04")]
    [InlineData("星期五", "2026-12-04")]
    [InlineData("本周五", "2026-12-04")]
    [InlineData("下周五", "2026-12-11")]
    [InlineData("下周一", "2026-12-07")]
    [InlineData("下星期日", "2026-12-13")]
    [InlineData("下下周二", "2026-12-15")]
    [InlineData("day after tomorrow", "2026-12-04")]
    [InlineData("后天", "2026-12-04")]
    [InlineData("end of month", "2026-12-31")]
    [InlineData("月底", "2026-12-31")]
    [InlineData("end of next month", "2027-01-31")]
    [InlineData("下月底", "2027-01-31")]
    [InlineData("end of quarter", "2026-12-31")]
    [InlineData("next quarter", "2027-03-31")]
    [InlineData("下季度", "2027-03-31")]
    [InlineData("end of year", "2026-12-31")]
    [InlineData("年底", "2026-12-31")]
    [InlineData("in 10 days", "2026-12-12")]
    [InlineData("in 2 weeks", "2026-12-16")]
    [InlineData("3天后", "2026-12-05")]
    [InlineData("两周后", "2026-12-16")]
    [InlineData("十天后", "2026-12-12")]
    [InlineData("2027-01-31", "2027-01-31")]
    [InlineData("2027/1/31", "2027-01-31")]
    [InlineData("2027年1月31日", "2027-01-31")]
    [InlineData("on 2027-01-31", "2027-01-31")]
    public void WordsNameTheseDatesOnAWednesday(string words, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), RelativeDateReader.Read(words, new DateOnly(2026, 12, 2)));
    }

    [Theory]
    [InlineData("2027-02-30")]
    [InlineData("2027-13-01")]
    [InlineData("next fortnight")]
    [InlineData("someday")]
    [InlineData("周八")]
    [InlineData("0天后")]
    [InlineData("")]
    public void WordsThatNameNoDateReadAsNone(string words) => Assert.Null(RelativeDateReader.Read(words, new DateOnly(2026, 12, 2)));

    [Fact]
    public void TodayIsTheWallClockDateInFixedOffsetZonesOnBothSidesOfUtc()
    {
        Gen.Select(GenNow, Gen.OneOf(FixedZones)).Sample((now, zone) =>
        {
            var clock = new FakeTimeProvider(now);
            Assert.Equal(DateOnly.FromDateTime(now.UtcDateTime + zone.Offset), RelativeDateReader.Today(clock, zone.Zone));
        }, iter: 2000);
    }

    [Fact]
    public void LosAngelesIsSevenOrEightHoursBehindUtc()
    {
        GenNow.Sample(now =>
        {
            var today = RelativeDateReader.Today(new FakeTimeProvider(now), "America/Los_Angeles");
            Assert.Contains(today, new[] { DateOnly.FromDateTime(now.UtcDateTime.AddHours(-7)), DateOnly.FromDateTime(now.UtcDateTime.AddHours(-8)) });
        }, iter: 2000);
    }

    [Fact]
    public void TodayAndTomorrowAreTheRepsDateAndTheDayAfterInEveryZone()
    {
        Gen.Select(GenNow, GenZone).Sample((now, zone) =>
        {
            var clock = new FakeTimeProvider(now);
            var today = RelativeDateReader.Today(clock, zone);
            Assert.Equal(today, RelativeDateReader.Read("today", clock, zone));
            Assert.Equal(today.AddDays(1), RelativeDateReader.Read("tomorrow", clock, zone));
            Assert.Equal(today.AddDays(2), RelativeDateReader.Read("后天", clock, zone));
        }, iter: 1000);
    }

    [Fact]
    public void NextWeekdayIsTheFirstSuchDayStrictlyAfterToday()
    {
        Gen.Select(GenNow, GenZone, Gen.OneOf(Weekdays)).Sample((now, zone, weekday) =>
        {
            var clock = new FakeTimeProvider(now);
            var today = RelativeDateReader.Today(clock, zone);
            foreach (var words in new[] { $"next {weekday.Word}", weekday.Word })
            {
                var date = RelativeDateReader.Read(words, clock, zone)!.Value;
                Assert.Equal(weekday.Day, date.DayOfWeek);
                Assert.InRange(date.DayNumber - today.DayNumber, 1, 7);
            }
        }, iter: 1000);
    }

    [Fact]
    public void ChineseWeekdayIsTheNextSuchDayAndXiaZhouIsThatDayOfNextWeek()
    {
        Gen.Select(GenNow, GenZone, Gen.OneOf(ChineseWeekdays)).Sample((now, zone, weekday) =>
        {
            var clock = new FakeTimeProvider(now);
            var today = RelativeDateReader.Today(clock, zone);

            var coming = RelativeDateReader.Read($"周{weekday.Word}", clock, zone)!.Value;
            Assert.Equal(weekday.Day, coming.DayOfWeek);
            Assert.InRange(coming.DayNumber - today.DayNumber, 1, 7);
            Assert.Equal(coming, RelativeDateReader.Read($"星期{weekday.Word}", clock, zone));

            var nextWeek = RelativeDateReader.Read($"下周{weekday.Word}", clock, zone)!.Value;
            Assert.Equal(weekday.Day, nextWeek.DayOfWeek);
            Assert.Equal(MondayOf(today).AddDays(7), MondayOf(nextWeek));
        }, iter: 1000);
    }

    [Fact]
    public void EndOfMonthIsTheLastDayOfTheRepsMonth()
    {
        Gen.Select(GenNow, GenZone).Sample((now, zone) =>
        {
            var clock = new FakeTimeProvider(now);
            var today = RelativeDateReader.Today(clock, zone);
            foreach (var words in new[] { "end of month", "月底" })
            {
                var date = RelativeDateReader.Read(words, clock, zone)!.Value;
                Assert.Equal((today.Year, today.Month), (date.Year, date.Month));
                Assert.Equal(1, date.AddDays(1).Day);
            }
        }, iter: 1000);
    }

    [Fact]
    public void NextQuarterIsTheLastDayOfTheFollowingQuarter()
    {
        Gen.Select(GenNow, GenZone).Sample((now, zone) =>
        {
            var clock = new FakeTimeProvider(now);
            var today = RelativeDateReader.Today(clock, zone);
            var quarterIndex = today.Year * 4 + (today.Month - 1) / 3;
            foreach (var words in new[] { "next quarter", "下季度" })
            {
                var date = RelativeDateReader.Read(words, clock, zone)!.Value;
                Assert.Equal(quarterIndex + 1, date.Year * 4 + (date.Month - 1) / 3);
                var dayAfter = date.AddDays(1);
                Assert.True(dayAfter.Day == 1 && dayAfter.Month % 3 == 1, $"{date} is not the last day of a quarter");
            }
        }, iter: 1000);
    }

    [Fact]
    public void IsoAndChineseDatesReadBackWhateverTheDay()
    {
        Gen.Select(Gen.Date[new DateTime(1900, 1, 1), new DateTime(2200, 12, 31)], GenNow, GenZone).Sample((day, now, zone) =>
        {
            var date = DateOnly.FromDateTime(day);
            var clock = new FakeTimeProvider(now);
            Assert.Equal(date, RelativeDateReader.Read(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), clock, zone));
            Assert.Equal(date, RelativeDateReader.Read(date.ToString("yyyy/M/d", CultureInfo.InvariantCulture), clock, zone));
            Assert.Equal(date, RelativeDateReader.Read($"{date.Year}年{date.Month}月{date.Day}日", clock, zone));
            Assert.Equal(date, RelativeDateReader.Read(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), today: null));
        }, iter: 1000);
    }

    [Fact]
    public void AnyTextEitherNamesNoDateOrADateWithoutThrowing()
    {
        Gen.Select(Gen.String, GenNow, GenZone).Sample((text, now, zone) =>
        {
            _ = RelativeDateReader.Read(text, new FakeTimeProvider(now), zone);
        }, iter: 3000);
    }

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
