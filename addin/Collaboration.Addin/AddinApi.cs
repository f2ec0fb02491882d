using System.Text.Json;
using System.Text.Json.Serialization;
using Collaboration.Addin.Auth;
using Collaboration.Addin.Capture;
using Collaboration.Addin.Compose;
using Collaboration.Addin.Emails;
using Collaboration.Addin.Errors;
using Collaboration.Addin.Graph;
using Collaboration.Application.Imports;
using Collaboration.Infrastructure.Imports;

namespace Collaboration.Addin;

public static class AddinApi
{
    /// <summary>Everything the endpoints need: auth, the mailbox, JSON and error shapes, request limits, OpenAPI.</summary>
    public static WebApplicationBuilder AddAddinApi(this WebApplicationBuilder builder)
    {
        builder.AddAddinAuthentication();
        builder.AddMailbox(entraConfigured: !AddinAuthentication.IsDevelopmentMode(builder.Configuration));
        builder.Services.AddScoped<IncomingEmails>();
        builder.AddCompose();
        builder.AddWebForms();
        builder.AddSalesMailbox();
        builder.Services.AddHostedService<ImportWorker>();
        builder.Services.AddDomainProblems();
        builder.Services.AddBadJsonProblems();
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = EmailEndpoints.MaxRequestBytes);
        builder.Services.AddOpenApi();
        return builder;
    }

    /// <summary>
    /// <c>X-Content-Type-Options: nosniff</c> on every response, API and error ones included (set as the response starts, so
    /// the exception handler's reset cannot drop it): a JSON body quoting user text is never sniffed into HTML or script.
    /// </summary>
    public static WebApplication UseNoSniff(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var response = context.Response;
            response.OnStarting(() =>
            {
                response.Headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
