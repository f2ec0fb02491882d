namespace Collaboration.Domain.Capture.EmailHints;

/// <summary>
/// The match timeout of every email-hint pattern. The patterns are linear and the text is cut to 20,000 characters,
/// so a match takes microseconds; the timeout is the last line of defence. It counts wall-clock time, so it must
/// also outlast a thread that a busy machine or a garbage collection holds still; 250 ms did not, and a
/// legitimate email then lost its hints.
/// </summary>
internal static class PatternTimeout
{
    public const int Milliseconds = 1000;
}
