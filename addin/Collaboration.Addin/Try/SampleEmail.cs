namespace Collaboration.Addin.Try;

public sealed record SampleAddress(string DisplayName, string EmailAddress);

/// <summary>
/// A message of the sample inbox, in the shape the Office.js stand-in takes, plus <see cref="Kind"/>: why it is in the
/// inbox (the page labels it). Bodies are HTML as Outlook hands them over; the hostile one must stay inert.
/// </summary>
public sealed record SampleEmail(
    string Id, string Kind, string Language, SampleAddress From, IReadOnlyList<SampleAddress> To, IReadOnlyList<SampleAddress> Cc,
    string Subject, string BodyHtml, string InternetMessageId, string ConversationId, string ItemId, DateTimeOffset DateTimeCreated);
