using System.Globalization;
using Collaboration.Addin.Auth;
using Collaboration.Application.Reports;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Microsoft.Net.Http.Headers;

namespace Collaboration.Addin.Reports;

/// <summary>A report as JSON: its key, the period it covers, the instant it looked back from, its rows and, for some, totals.</summary>
public sealed record ReportResponse(string Report, DateOnly From, DateOnly To, DateTimeOffset AsOf, object Rows, object? Summary);

/// <summary>What the dashboard's pickers offer: the report keys and the people (and their teams) the viewer may filter by.</summary>
public sealed record ReportCatalogResponse(IReadOnlyList<string> Reports, IReadOnlyList<ReportPerson> People, IReadOnlyList<string> Teams);
