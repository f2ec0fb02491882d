using System.Text.RegularExpressions;

namespace Collaboration.Domain.Capture.EmailHints;

internal partial class EmailText
{
    [GeneratedRegex(@"^(?:(?:re|fw|fwd|aw|wg|tr|sv|答复|回复|转发)\s*(?:\[\d+\])?\s*:)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex SubjectPrefix();

    [GeneratedRegex(@"^\s*(?:fw|fwd|tr|wg|转发)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex ForwardSubjectPrefix();

    [GeneratedRegex(@"^(?:-{2,}\s*(?:forwarded message|forwarded e-?mail|original message follows|转发的?邮件|转发邮件信息)\s*-{2,}|begin forwarded message:?|-{2,}\s*forwarded by .{0,100})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex ForwardMarker();

    [GeneratedRegex(@"^(?:-{2,}\s*(?:original message|原始邮件|原邮件)\s*-{2,}|_{10,}|-{20,})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex OriginalMessageMarker();

    [GeneratedRegex(@"^(?:from|von|de)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex FromHeader();

    [GeneratedRegex(@"^(?:sent|date|to|cc|subject|发送时间|日期|时间|收件人|抄送|主题)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex FollowingHeader();

    [GeneratedRegex(@"^(?:from|sent|date|to|cc|bcc|subject|reply-to|发件人|发送时间|日期|时间|收件人|抄送|主题)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex HeaderLine();
}
