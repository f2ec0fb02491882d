using Collaboration.Application.Capture;
using Collaboration.Infrastructure.Capture;

namespace Collaboration.Addin.Tests;

public class EmailContentTests
{
    [Fact]
    public void HtmlBecomesReadableTextWithParagraphsAndLineBreaks()
    {
        var text = EmailContent.TextFromHtml("<div><p>Hello&nbsp;Alex,</p><p>we need <b>50</b> seats.<br>Thanks</p></div>");

        Assert.Equal("Hello Alex,\n\nwe need 50 seats.\nThanks", text);
    }

    [Fact]
    public void ScriptsStylesAndHandlersLeaveNoTrace()
    {
        var text = EmailContent.TextFromHtml("<style>p{}</style><p onclick=\"x()\">Hi</p><script>alert(1)</script><iframe src=\"https://evil\"></iframe>");

        Assert.Equal("Hi", text);
    }

    [Fact]
    public void QuotedHeadersInPlainTextKeepTheirAddressesAndLinks()
    {
        var text = EmailContent.TextFromPlain("From: Li Lei <li.lei@contoso.cn>\nSee <https://contoso.cn/offer?a=1&b=2>\nAT&T & co");

        Assert.Equal("From: Li Lei <li.lei@contoso.cn>\nSee <https://contoso.cn/offer?a=1&b=2>\nAT&T & co", text);
    }

    [Fact]
    public void MarkupInPlainTextIsNotKept()
    {
        var text = EmailContent.TextFromPlain("before <script>alert(1)</script> <img src=x onerror=alert(2)> after");

        Assert.DoesNotContain("script", text);
        Assert.DoesNotContain("onerror", text);
        Assert.Equal("before after", text);
    }

    [Fact]
    public void PlainTextWithoutMarkupIsOnlyTidied()
    {
        Assert.Equal("a < b\n\nc", EmailContent.TextFromPlain("a < b  \r\n\r\n\r\n  c"));
    }
}
