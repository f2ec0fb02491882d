using Collaboration.Domain.Qualification;

namespace Collaboration.Application.Capture;

/// <summary>
/// Where BANT hints in an email come from. The seam for
/// <c>Collaboration.Domain.Capture.EmailHints.EmailHintExtractor.Extract(subject, bodyText, receivedOn)</c>,
/// which is being written elsewhere: once it lands, <see cref="NoEmailHints"/> is replaced by a one-line adapter.
/// </summary>
internal interface IEmailHintSource
{
    BantUpdate? Extract(string? subject, string? bodyText, DateOnly receivedOn);
}

internal sealed class NoEmailHints : IEmailHintSource
{
    public BantUpdate? Extract(string? subject, string? bodyText, DateOnly receivedOn) => null;
}
