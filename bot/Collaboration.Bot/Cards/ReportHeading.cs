using System.Globalization;
using System.Text.Json.Nodes;
using Collaboration.Application.Reports;
using Collaboration.Application.Reviews;
using Collaboration.Bot.Commands;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Bot.Cards;

/// <summary>What a report card is about: the period asked for, whose deals, and the dates that period resolved to.</summary>
public sealed record ReportHeading(ReportPeriod Period, ReportScope Scope, DateOnly From, DateOnly To);
