using Collaboration.Domain.Common;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Nurture;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Domain.Tests.Notifications;

public class QuietHoursTests
{
    private static readonly TimeZoneInfo NewYork = LocalClock.Zone("America/New_York");

    [Theory]
    [InlineData("23:00", true)]
    [InlineData("06:59", true)]
    [InlineData("22:00", true)]
    [InlineData("07:00", false)]
    [InlineData("21:59", false)]
    [InlineData("12:00", false)]
    public void QuietHoursMayWrapMidnight(string local, bool quiet) =>
        Assert.Equal(quiet, new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)).Contains(TimeOnly.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void QuietHoursWithinADay() =>
        Assert.True(new QuietHours(new TimeOnly(12, 0), new TimeOnly(13, 0)).Contains(new TimeOnly(12, 30)));

    [Fact]
    public void NoQuietHoursHoldNothing()
    {
        var now = new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);
        Assert.Equal(now, new QuietHours(null, null).NextAllowed(now, NewYork));
        Assert.Equal(now, new QuietHours(new TimeOnly(8, 0), new TimeOnly(8, 0)).NextAllowed(now, NewYork));
    }

    [Fact]
    public void AHeldNotificationIsDueWhenQuietHoursEndLocally()
    {
        // 03:00 UTC is 22:00 in New York (EST, UTC-5): quiet until 07:00 local = 12:00 UTC.
        var now = new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);
        var due = new QuietHours(new TimeOnly(21, 0), new TimeOnly(7, 0)).NextAllowed(now, NewYork);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void ATimeSkippedBySpringForwardMovesToTheFirstValidMinute()
    {
        // 14 March 2027: New York clocks jump from 02:00 to 03:00; 02:30 does not exist that night.
        var after = new DateTimeOffset(2027, 3, 14, 5, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 7, 0, 0, TimeSpan.Zero), LocalClock.Next(after, new TimeOnly(2, 30), NewYork));
    }

    [Fact]
    public void AnAmbiguousTimeAtFallBackMeansTheEarlierInstant()
    {
        // 1 November 2026: 01:30 happens twice in New York; the first is 05:30 UTC (EDT).
        var after = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), LocalClock.Next(after, new TimeOnly(1, 30), NewYork));
    }

    [Fact]
    public void AnUnknownTimeZoneIsTreatedAsUtc() => Assert.Equal(TimeZoneInfo.Utc, LocalClock.Zone("Mars/Olympus_Mons"));
}

public class ReminderEvaluatorTests
{
    private static readonly DateTimeOffset Captured = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static Opportunity Deal(DateOnly? closeDate = null) =>
        Opportunity.Capture("t", "Deal", "rep", PipelineSettings.Default, new ChangeContext("rep", ChangeSurface.Teams, Captured), closeDate: closeDate);

    [Fact]
    public void ADealIsUntouchedOnceItsStageDaysPassWithoutActivity()
    {
        var deal = Deal();
        Assert.Empty(ReminderEvaluator.For(deal, NurtureRules.Default, Captured.AddDays(3).AddMinutes(-1), new DateOnly(2026, 11, 4)));
        var reminder = Assert.Single(ReminderEvaluator.For(deal, NurtureRules.Default, Captured.AddDays(3), new DateOnly(2026, 11, 4)));
        Assert.Equal((ReminderRule.Untouched, new DateOnly(2026, 11, 4)), (reminder.Rule, reminder.DueOn));
    }

    [Fact]
    public void ActivityRestartsTheUntouchedClock()
    {
        var deal = Deal();
        deal.RecordActivity(Captured.AddDays(2), new ChangeContext("rep", ChangeSurface.Outlook, Captured.AddDays(2)));
        Assert.Empty(ReminderEvaluator.For(deal, NurtureRules.Default, Captured.AddDays(4), new DateOnly(2026, 11, 5)));
    }

    [Fact]
    public void AClosedDealNeedsNoReminders()
    {
        var deal = Deal(new DateOnly(2026, 10, 1));
        deal.CloseLost("Price", null, PipelineSettings.Default, new ChangeContext("rep", ChangeSurface.Teams, Captured));
        Assert.Empty(ReminderEvaluator.For(deal, NurtureRules.Default, Captured.AddDays(60), new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void MissingBantNamesWhatIsUnknown()
    {
        Assert.Equal(["budget", "authority", "need", "timeline"], ReminderEvaluator.MissingBant(Bant.Empty));
        Assert.Equal(["need"], ReminderEvaluator.MissingBant(Bant.Empty with
        {
            BudgetStatus = BudgetStatus.CanBuy,
            DecisionMakerName = "Wang",
            TargetDate = new DateOnly(2027, 1, 1),
        }));
    }

    [Fact]
    public void APlanStepIsDueFromItsDayUntilDone()
    {
        var deal = Deal();
        var enrolment = new FollowUpEnrolment("t", deal.Id, null, FollowUpPlan.Standard, new DateOnly(2026, 11, 1), "rep");
        Assert.Equal(["send_brochure"], enrolment.DueSteps(new DateOnly(2026, 11, 1)).Select(s => s.Action));
        enrolment.CompleteNextStep();
        Assert.Empty(enrolment.DueSteps(new DateOnly(2026, 11, 7)));
        Assert.Equal(["call"], enrolment.DueSteps(new DateOnly(2026, 11, 8)).Select(s => s.Action));
        enrolment.CompleteNextStep();
        enrolment.CompleteNextStep();
        enrolment.CompleteNextStep();
        Assert.True(enrolment.IsComplete);
        Assert.Empty(enrolment.DueSteps(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void APlanStepsReminderNamesTheStepSoItCanBeMarkedDone()
    {
        var deal = Deal();
        var enrolment = new FollowUpEnrolment("t", deal.Id, null, FollowUpPlan.Standard, new DateOnly(2026, 11, 1), "rep");

        Assert.Equal([1, 2], ReminderEvaluator.For(enrolment, deal, new DateOnly(2026, 11, 8)).Select(r => r.PlanStepNumber));
        enrolment.CompleteStep(1);
        Assert.Equal([2, 3], ReminderEvaluator.For(enrolment, deal, new DateOnly(2026, 11, 30)).Select(r => r.PlanStepNumber));
        Assert.All(ReminderEvaluator.For(deal, NurtureRules.Default, Captured.AddDays(60), new DateOnly(2026, 12, 31)), r => Assert.Null(r.PlanStepNumber));
    }
}
