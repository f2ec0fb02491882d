using Collaboration.Application.Access;
using Collaboration.Application.Assignment;
using Collaboration.Application.Capture;
using Collaboration.Application.Conversations;
using Collaboration.Application.Imports;
using Collaboration.Application.Opportunities;
using Collaboration.Application.Reports;
using Collaboration.Application.Reviews;
using Collaboration.Application.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collaboration.Application;

public static class CrmServiceCollectionExtensions
{
    /// <summary>
    /// The domain's use cases. They need an <see cref="Persistence.ICrmDatabase"/> and the other ports (Collaboration.Infrastructure's
    /// <c>AddCrm</c> registers this and them together).
    /// </summary>
    public static IServiceCollection AddCrmUseCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PartyMatcher>();
        services.AddSingleton<OpportunityService>();
        services.AddSingleton<OpportunityQueries>();
        services.AddSingleton<DealTimeline>();
        services.AddSingleton<DealSearch>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton(AdminOptions.From(configuration));
        services.AddSingleton<AdminPolicy>();
        services.AddSingleton<ConversationDirectory>();
        services.AddSingleton<TurnStartQuery>();
        services.AddSingleton<QuoteCardMessages>();
        services.AddSingleton<EmailCapture>();
        services.AddSingleton<LeadAssigner>();
        services.AddSingleton<AssignmentRules>();
        services.AddSingleton<ChannelCapture>();
        services.AddSingleton<ManualCapture>();
        services.AddSingleton<WebForms>();
        services.AddSingleton<SalesMailboxCapture>();
        services.AddSingleton(ImportLimits.From(configuration));
        services.AddSingleton(EmailContentLimits.From(configuration));
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<ImportService>();
        services.AddSingleton<PipelineReports>();
        services.AddSingleton<ReportCatalog>();
        services.AddSingleton<ReportAudience>();
        services.AddSingleton<WeeklyDigestComposer>();
        services.AddSingleton<ReviewSearch>();
        services.AddSingleton<Administration.AuditLog>();
        services.AddSingleton<Organisation.OrganisationPlaces>();
        services.AddSingleton<Administration.PipelineAdministration>();
        services.AddSingleton<Administration.FreeMailAdministration>();
        services.AddSingleton<Administration.PeopleAdministration>();
        services.AddSingleton<Administration.PeopleImport>();
        services.AddSingleton<Administration.QuotaAdministration>();
        services.AddSingleton<Administration.NurtureAdministration>();
        services.AddSingleton<AttainmentReports>();
        services.TryAddSingleton<Nurture.NurtureService>();
        services.AddSingleton<Products.ProductCatalog>();
        services.AddSingleton<Quotes.QuoteService>();
        services.AddSingleton<Quotes.ConvertAdministration>();
        services.AddSingleton<Contracts.ContractService>();
        services.AddSingleton<Contracts.ContractFollowUp>();
        services.AddSingleton<Quotes.QuoteDocuments>();
        services.AddSingleton<Products.ProductImport>();
        services.AddSingleton<Quotes.ConvertReports>();
        return services;
    }
}
