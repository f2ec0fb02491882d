using System.Text.RegularExpressions;

namespace Collaboration.Domain.Capture.EmailHints;

/// <summary>
/// Reads BANT qualification hints (budget, authority, need, timeline) from an email in English or Simplified Chinese.
/// Pure and deterministic: no I/O, no clock (relative timelines are anchored on <c>receivedOn</c>).
/// </summary>
public static class EmailHintExtractor
{
    /// <summary>
    /// Never throws. Only the sender's new text is read; for a forward, the forwarded message fills what the
    /// new text leaves open, except authority, where the forwarded author's title wins over the forwarder's.
    /// Reply history is ignored, and at most the first 20,000 characters of each part are read.
    /// </summary>
    public static ExtractedHints Extract(string subject, string bodyText, DateOnly receivedOn)
    {
        try
        {
            var email = EmailText.Parse(subject, bodyText);
            var subjectSentences = EmailSection.SplitSentences(email.Subject);
            var fromNewText = Read(email.NewText, subjectSentences, receivedOn);
            if (email.Forwarded.Text.Length == 0)
            {
                return fromNewText;
            }

            var fromForwarded = Read(email.Forwarded, [], receivedOn);
            return new ExtractedHints(
                fromNewText.Budget ?? fromForwarded.Budget,
                fromNewText.BudgetStatus != BudgetStatusHint.Unknown ? fromNewText.BudgetStatus : fromForwarded.BudgetStatus,
                fromNewText.Timeline ?? fromForwarded.Timeline,
                // The forwarder is usually our own rep passing the customer's mail on; the customer's title is the hint.
                fromForwarded.Authority ?? fromNewText.Authority,
                fromNewText.Need ?? fromForwarded.Need);
        }
        catch (RegexMatchTimeoutException)
        {
            // Patterns are linear, so this is a last line of defence against pathological input, not a path we expect.
            return ExtractedHints.Empty;
        }
    }

    private static ExtractedHints Read(EmailSection section, IReadOnlyList<string> subjectSentences, DateOnly receivedOn)
    {
        IReadOnlyList<string> sentences = subjectSentences.Count == 0 ? section.Sentences : [.. subjectSentences, .. section.Sentences];
        var budget = BudgetReader.Read(sentences);
        return new ExtractedHints(
            budget,
            BudgetReader.ReadStatus(sentences, budget),
            TimelineReader.Read(sentences, receivedOn),
            AuthorityReader.Read(section),
            NeedReader.Read(sentences));
    }
}
