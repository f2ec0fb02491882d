using System.Text.Json;
using Collaboration.Addin.Auth;
using Collaboration.Application.Imports;
using Collaboration.Domain.Imports;
using Microsoft.AspNetCore.Http.Features;

namespace Collaboration.Addin.Imports;

public sealed record ImportJobView(
    Guid Id, string SourceName, string FileName, ImportJobStatus Status, int TotalRows, int ProcessedRows, int Created, int ExistingContacts,
    int AlreadyImported, int DuplicatesInFile, int Invalid, IReadOnlyList<ImportRowError> Errors, string? Failure, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt)
{
    public static ImportJobView From(ImportJob j) => new(j.Id, j.SourceName, j.FileName, j.Status, j.TotalRows, j.ProcessedRows, j.Created, j.ExistingContacts,
        j.AlreadyImported, j.DuplicatesInFile, j.Invalid, j.Errors, j.Failure, j.CreatedAt, j.CompletedAt);
}

/// <summary>Event and trade-show lists (CSV or XLSX): preview with detected columns, then an import job to poll.</summary>
public static class ImportEndpoints
{
    /// <summary>Larger uploads get 413.</summary>
    public const long MaxFileBytes = ImportJobFile.MaxBytes;

    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(AddinAuthentication.RepPolicy);

        imports.MapPost("/preview", async Task<IResult> (HttpContext context, Rep rep, ImportService service, CancellationToken ct) =>
        {
            var upload = await ReadUploadAsync(context, service, ct);
            if (upload.Problem is { } problem) return problem;
            var preview = await service.PreviewAsync(rep.Actor, upload.Table!, upload.Form!["sourceName"].FirstOrDefault(), ct);
            return TypedResults.Ok(preview);
        }).WithName("PreviewImport").DisableAntiforgery();

        imports.MapPost("/", async Task<IResult> (HttpContext context, Rep rep, ImportService service, CancellationToken ct) =>
        {
            var upload = await ReadUploadAsync(context, service, ct);
            if (upload.Problem is { } problem) return problem;
            var sourceName = upload.Form!["sourceName"].FirstOrDefault();
            if (string.IsNullOrWhiteSpace(sourceName))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sourceName"] = ["Name the list's source (e.g. the event), so its mapping is remembered and re-imports are recognised."] });
            }
            Dictionary<string, string>? mapping;
            var mappingJson = upload.Form["mapping"].FirstOrDefault();
            try
            {
                mapping = string.IsNullOrWhiteSpace(mappingJson)
                    ? (await service.PreviewAsync(rep.Actor, upload.Table!, sourceName, ct)).Mapping.ToDictionary()
                    : JsonSerializer.Deserialize<Dictionary<string, string>>(mappingJson);
            }
            catch (JsonException)
            {
                mapping = null;
            }
            if (mapping is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["mapping"] = ["Send the mapping as a JSON object: field → column header."] });
            }
            var job = await service.StartAsync(rep.Actor, upload.Table!, upload.Content!, sourceName, upload.FileName!, mapping, ct);
            return TypedResults.Accepted($"/api/imports/{job.Id}", ImportJobView.From(job));
        }).WithName("StartImport").DisableAntiforgery();

        imports.MapGet("/{id:guid}", async (Guid id, HttpContext context, Rep rep, ImportService service, CancellationToken ct) =>
            TypedResults.Ok(ImportJobView.From(await service.GetAsync(rep.Actor, id, await IsAdminAsync(context), ct))))
            .WithName("ImportJob")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private sealed record Upload(IFormCollection? Form, ImportTable? Table, string? FileName, IResult? Problem, byte[]? Content = null);

    private static async Task<bool> IsAdminAsync(HttpContext context)
    {
        try
        {
            return await Admin.BindAsync(context) is not null;
        }
        catch (AdminRequiredException)
        {
            return false;
        }
    }

    private static async Task<Upload> ReadUploadAsync(HttpContext context, ImportService service, CancellationToken ct)
    {
        if (context.Request.ContentLength > MaxFileBytes) return new Upload(null, null, null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxFileBytes;
        if (!context.Request.HasFormContentType)
        {
            return new Upload(null, null, null, Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Upload the list as multipart/form-data with a file field."] }));
        }
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new Upload(null, null, null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }
        var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
        if (file is null || file.Length == 0)
        {
            return new Upload(form, null, null, Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Attach a CSV or XLSX file."] }));
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        try
        {
            return new Upload(form, service.Read(content, file.FileName), Path.GetFileName(file.FileName), null, content);
        }
        catch (ImportFileException e)
        {
            return new Upload(form, null, null, TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The file cannot be read", detail: e.Message));
        }
    }
}
