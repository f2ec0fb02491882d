using Microsoft.Extensions.Configuration;

namespace Collaboration.Application.Capture;

/// <summary>
/// How much of an email body is read (<c>EmailContent:*</c>): bodies are cut before they are parsed and sanitized,
/// and markup nested deeper than <see cref="MaxDepth"/> or past <see cref="MaxElements"/> loses its tags (its text stays).
/// </summary>
public sealed record EmailContentLimits
{
    public const string Section = "EmailContent";

    /// <summary>Characters of an HTML body read; Outlook's markup is several times its text.</summary>
    public int MaxHtmlChars { get; init; } = 1_000_000;

    /// <summary>Characters of a plain-text body read, and of the text kept from any body.</summary>
    public int MaxTextChars { get; init; } = 200_000;

    /// <summary>Elements open inside each other; real mail stays far below.</summary>
    public int MaxDepth { get; init; } = 128;

    /// <summary>
    /// Elements kept from one body; past it, tags are dropped and their text and line breaks stay. The sanitizer's time
    /// grows faster than the number of elements; a long Outlook thread has a few thousand.
    /// </summary>
    public int MaxElements { get; init; } = 2_000;

    public static EmailContentLimits From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<EmailContentLimits>() ?? new EmailContentLimits();
}
