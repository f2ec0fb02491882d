namespace Collaboration.Domain.Tenants;

/// <summary>Consumer mailbox providers: a sender there is a person, never a company account.</summary>
public static class FreeMailDomains
{
    private static readonly HashSet<string> Domains = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr", "live.com", "live.cn",
        "msn.com", "yahoo.com", "yahoo.co.uk", "yahoo.co.jp", "yahoo.com.cn", "ymail.com", "aol.com", "icloud.com", "me.com",
        "mac.com", "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.de", "gmx.net", "web.de", "mail.com", "zoho.com",
        "yandex.com", "yandex.ru", "mail.ru", "tutanota.com", "fastmail.com", "hey.com", "qq.com", "foxmail.com", "163.com",
        "126.com", "yeah.net", "sina.com", "sina.cn", "sohu.com", "aliyun.com", "139.com", "189.cn", "wo.cn", "tom.com",
        "21cn.com", "naver.com", "daum.net", "hanmail.net", "rediffmail.com", "orange.fr", "free.fr", "laposte.net",
        "libero.it", "t-online.de", "comcast.net", "att.net", "verizon.net", "btinternet.com", "sky.com", "shaw.ca",
    };

    public static bool Contains(string domain) => Domains.Contains(domain);

    public static IReadOnlyCollection<string> All => Domains;
}
