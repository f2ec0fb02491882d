using Collaboration.Application.Persistence;
using Collaboration.Domain.Accounts;
using Collaboration.Domain.Common;
using Collaboration.Domain.Contacts;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Products;
using Collaboration.Domain.Qualification;
using Collaboration.Domain.Tenants;
using Collaboration.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.DemoData;

/// <summary>
/// A demo tenant with reps in three teams, English and Chinese companies, and a few hundred deals whose
/// whole lives (every stage move, amount change and touch) were played through the real aggregate over the
/// last 18 months, so history-based analytics have something true to chew on. The tenant and the first rep
/// are the ids the Microsoft 365 Agents Playground uses, so chatting there shows these deals.
/// </summary>
public sealed class DemoDataSeeder(ICrmDatabase database, TimeProvider clock)
{
    public const string TenantId = "00000000-0000-0000-0000-0000000000001";
    public const string DemoRepObjectId = "00000000-0000-0000-0000-0000000000020";

    private static readonly (string Id, string Name, string Email, string Locale, string Team, string? Manager)[] Reps =
    [
        ("00000000-0000-0000-0000-0000000000010", "Megan Bowen", "megan.bowen@collaboration.demo", "en-US", "leadership", null),
        ("00000000-0000-0000-0000-0000000000011", "Lee Gu", "lee.gu@collaboration.demo", "en-US", "east", "00000000-0000-0000-0000-0000000000010"),
        ("00000000-0000-0000-0000-0000000000012", "王芳", "wang.fang@collaboration.demo", "zh-CN", "china", "00000000-0000-0000-0000-0000000000010"),
        (DemoRepObjectId, "Alex Wilber", "alex.wilber@collaboration.demo", "en-US", "east", "00000000-0000-0000-0000-0000000000011"),
        ("00000000-0000-0000-0000-0000000000021", "Adele Vance", "adele.vance@collaboration.demo", "en-US", "east", "00000000-0000-0000-0000-0000000000011"),
        ("00000000-0000-0000-0000-0000000000022", "Diego Siciliani", "diego.siciliani@collaboration.demo", "en-US", "east", "00000000-0000-0000-0000-0000000000011"),
        ("00000000-0000-0000-0000-0000000000023", "李娜", "li.na@collaboration.demo", "zh-CN", "china", "00000000-0000-0000-0000-0000000000012"),
        ("00000000-0000-0000-0000-0000000000024", "张伟", "zhang.wei@collaboration.demo", "zh-CN", "china", "00000000-0000-0000-0000-0000000000012"),
        ("00000000-0000-0000-0000-0000000000025", "陈静", "chen.jing@collaboration.demo", "zh-CN", "china", "00000000-0000-0000-0000-0000000000012"),
    ];

    private static readonly (string Name, string Domain, string Currency, bool Chinese)[] Companies =
    [
        ("Contoso", "contoso.com", "USD", false), ("Fabrikam", "fabrikam.com", "USD", false), ("Northwind Traders", "northwindtraders.com", "USD", false),
        ("Tailspin Toys", "tailspintoys.com", "USD", false), ("Adventure Works", "adventure-works.com", "USD", false), ("Litware", "litware.com", "USD", false),
        ("Proseware", "proseware.com", "EUR", false), ("Wingtip Toys", "wingtiptoys.com", "USD", false), ("Woodgrove Bank", "woodgrovebank.com", "USD", false),
        ("Alpine Ski House", "alpineskihouse.com", "EUR", false), ("Coho Winery", "cohowinery.com", "USD", false), ("Fourth Coffee", "fourthcoffee.com", "USD", false),
        ("Lucerne Publishing", "lucernepublishing.com", "EUR", false), ("Margie's Travel", "margiestravel.com", "GBP", false), ("Trey Research", "treyresearch.net", "USD", false),
        ("Relecloud", "relecloud.com", "USD", false), ("Humongous Insurance", "humongousinsurance.com", "USD", false), ("Blue Yonder Airlines", "blueyonderairlines.com", "USD", false),
        ("华辰科技", "huachen-tech.cn", "CNY", true), ("东方明珠物流", "dfmz-logistics.cn", "CNY", true), ("锦绣纺织", "jinxiu-textile.com.cn", "CNY", true),
        ("云帆软件", "yunfan-soft.cn", "CNY", true), ("长江能源", "changjiang-energy.cn", "CNY", true), ("天成医疗", "tiancheng-med.cn", "CNY", true),
        ("北辰教育", "beichen-edu.cn", "CNY", true), ("金桥制造", "jinqiao-mfg.cn", "CNY", true), ("瑞丰食品", "ruifeng-food.cn", "CNY", true),
        ("星河零售", "xinghe-retail.cn", "CNY", true), ("海岳建设", "haiyue-build.cn", "CNY", true), ("青松保险", "qingsong-ins.cn", "CNY", true),
    ];

    private static readonly string[] EnglishPeople = ["Sarah Chen", "James Miller", "Olivia Brown", "Noah Wilson", "Emma Davis", "Liam Garcia", "Ava Martinez", "Lucas Anderson", "Mia Thomas", "Ethan Moore"];
    private static readonly string[] ChinesePeople = ["刘洋", "赵敏", "孙浩", "周杰", "吴婷", "郑磊", "黄丽", "何军", "马超", "林晓"];
    private static readonly string[] EnglishProducts = ["50 seats", "annual renewal", "CRM rollout", "analytics add-on", "pilot", "enterprise licence", "support upgrade", "EMEA expansion"];
    private static readonly string[] ChineseProducts = ["年度采购", "50 个席位", "二期扩容", "试点项目", "集团推广", "数据分析模块", "续约", "私有化部署"];
    /// <summary>A small price list, so a newcomer can type 'Contoso add 10 PRO-LIC' in the demo.</summary>
    private static readonly (string Code, string Name, string Unit, ProductPrice[] Prices)[] Products =
    [
        ("PRO-LIC", "Pro licence", "user/year", [new("USD", 480m), new("EUR", 450m), new("GBP", 390m), new("CNY", 3200m)]),
        ("ENT-LIC", "Enterprise licence", "user/year", [new("USD", 960m), new("EUR", 900m), new("GBP", 780m), new("CNY", 6400m)]),
        ("SETUP", "Setup day", "day", [new("USD", 1200m), new("EUR", 1100m), new("GBP", 950m), new("CNY", 8000m)]),
        ("SUPPORT", "Premium support", "year", [new("USD", 5000m), new("EUR", 4600m), new("GBP", 4000m), new("CNY", 33000m)]),
    ];

    private static readonly string[] Competitors = ["Dynamics 365", "Salesforce", "HubSpot", "Zoho", "纷享销客", "销售易"];

    public async Task<bool> SeedAsync(int dealCount = 320, CancellationToken ct = default)
    {
        await using (var check = database.Open(TenantId))
        {
            if (await check.Opportunities.AnyAsync(ct)) return false;
        }

        var random = new Random(20261126);
        var now = clock.GetUtcNow();
        var pipeline = PipelineSettings.Default;

        await using var db = database.Open(TenantId);
        if (!await db.Tenants.AnyAsync(ct)) db.Tenants.Add(new Tenant(TenantId, "Collaboration demo"));
        foreach (var rep in Reps)
        {
            if (await db.Users.AnyAsync(u => u.ObjectId == rep.Id, ct)) continue;
            var user = new User(TenantId, rep.Id, rep.Name, rep.Email, rep.Locale, rep.Locale.StartsWith("zh", StringComparison.Ordinal) ? "Asia/Shanghai" : "America/New_York");
            user.PlaceInTeam(rep.Team, rep.Manager);
            db.Users.Add(user);
        }

        if (!await db.Products.AnyAsync(ct))
        {
            foreach (var (code, name, unit, prices) in Products) db.Products.Add(new Product(TenantId, code, name, unit, prices, active: true));
        }

        var accounts = new List<(Account Account, List<Contact> Contacts, string Currency, bool Chinese)>();
        foreach (var company in Companies)
        {
            var account = new Account(TenantId, company.Name, company.Domain);
            db.Accounts.Add(account);
            var people = company.Chinese ? ChinesePeople : EnglishPeople;
            var contacts = new List<Contact>();
            foreach (var person in people.OrderBy(_ => random.Next()).Take(3))
            {
                var local = company.Chinese ? $"contact{contacts.Count + 1}" : person.ToLowerInvariant().Replace(' ', '.');
                var contact = new Contact(TenantId, $"{local}@{company.Domain}", person, account.Id);
                db.Contacts.Add(contact);
                contacts.Add(contact);
            }
            accounts.Add((account, contacts, company.Currency, company.Chinese));
        }
        await db.SaveChangesAsync(ct);

        var sellers = Reps.Where(r => r.Manager is not null).ToArray();
        for (var i = 0; i < dealCount; i++)
        {
            var (account, contacts, currency, chinese) = accounts[random.Next(accounts.Count)];
            var seller = sellers[i % sellers.Length];
            var products = chinese ? ChineseProducts : EnglishProducts;
            var name = $"{account.Name} – {products[random.Next(products.Length)]}";
            var contact = contacts[random.Next(contacts.Count)];
            var created = now.AddDays(-random.Next(5, 540)).AddMinutes(-random.Next(0, 600));
            var deal = PlayLife(random, name, seller.Id, account, contact, currency, created, now, pipeline, db);
            db.Opportunities.Add(deal);
            if (i % 40 == 39) await db.SaveChangesAsync(ct);
        }
        await db.SaveChangesAsync(ct);

        // The played-through lives are history, not news: nobody is notified of them.
        await db.Outbox.Where(m => m.ProcessedAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, now), ct);
        return true;
    }

    private static Opportunity PlayLife(Random random, string name, string owner, Account account, Contact contact, string currency,
        DateTimeOffset created, DateTimeOffset now, PipelineSettings pipeline, CrmDbContext db)
    {
        var at = created;
        ChangeContext Ctx() => new(owner, random.Next(3) switch { 0 => ChangeSurface.Outlook, 1 => ChangeSurface.Teams, _ => ChangeSurface.Api }, at);
        var source = (CaptureSource)random.Next(0, 7);
        var amount = Math.Round((decimal)(random.Next(8, 400) * 1000) * (currency == "CNY" ? 7 : 1), 0);
        var deal = Opportunity.Capture(TenantId, name, owner, pipeline, Ctx(), source, source == CaptureSource.Email ? contact.Email : null,
            account.Id, contact.Id, amount, currency, DateOnly.FromDateTime(created.AddDays(random.Next(30, 200)).UtcDateTime),
            referredBy: source == CaptureSource.Referral ? "Wang Fang" : null);

        // How far this deal gets: most stall early, some win, some are lost on the way.
        var fate = random.NextDouble();
        var targetStage = fate switch
        {
            < 0.12 => Stage.New,
            < 0.25 => Stage.Qualify,
            < 0.35 => Stage.Nurture,
            < 0.45 => Stage.Proposal,
            < 0.52 => Stage.Negotiation,
            < 0.58 => Stage.Contract,
            < 0.80 => Stage.Won,
            _ => Stage.Lost,
        };
        var lostAfter = targetStage == Stage.Lost ? StageFacts.OpenStages[random.Next(StageFacts.OpenStages.Count)] : (Stage?)null;

        void Step(int maxDays)
        {
            var next = at.AddDays(random.Next(1, maxDays)).AddHours(random.Next(0, 9));
            at = next < now ? next : at < now ? at.AddMinutes(1) : at;
            if (random.Next(3) > 0)
            {
                var kind = (InteractionKind)random.Next(0, 5);
                db.Interactions.Add(new Interaction(TenantId, deal.Id, contact.Id, kind, kind == InteractionKind.Note ? Direction.Internal : Direction.Outbound,
                    at, Summary(kind, name), owner, ChangeSurface.Outlook));
                deal.RecordActivity(at, Ctx());
            }
        }

        var walkTo = targetStage is Stage.Won ? Stage.Contract : lostAfter ?? targetStage;
        var stage = Stage.New;
        while (stage < walkTo && stage.Next() is { } next && !next.IsClosed())
        {
            Step(25);
            if (next == Stage.Qualify)
            {
                deal.MoveTo(next, pipeline, Ctx());
                Step(10);
                deal.UpdateQualification(RandomBant(random, amount, currency, at), pipeline, Ctx());
            }
            else
            {
                var overrideReason = deal.ScoreQualification(pipeline, DateOnly.FromDateTime(at.UtcDateTime)).Total < pipeline.QualificationThreshold
                    ? "Strategic account" : null;
                deal.MoveTo(next, pipeline, Ctx(), overrideReason);
            }
            if (random.Next(4) == 0) deal.ChangeAmount(Math.Round(amount * (decimal)(0.8 + random.NextDouble() * 0.4), 0), null, Ctx());
            if (random.Next(6) == 0) deal.SetManualProbability(random.Next(1, 19) * 5, pipeline, Ctx());
            stage = next;
        }

        if (targetStage == Stage.Won)
        {
            Step(30);
            deal.CloseWon(null, DateOnly.FromDateTime(at.UtcDateTime), pipeline, Ctx(), "Strategic account");
            if (random.Next(2) == 0) deal.RecordReview(["Fast proof of concept", "Executive sponsor"], null, "Bring the sponsor in early", Ctx());
        }
        else if (targetStage == Stage.Lost)
        {
            Step(30);
            var reason = pipeline.LossReasons[random.Next(pipeline.LossReasons.Count)];
            deal.CloseLost(reason, reason == "competitor" ? Competitors[random.Next(Competitors.Length)] : null, pipeline, Ctx());
            if (random.Next(2) == 0) deal.RecordReview([reason == "price" ? "Price above budget" : "Late to engage the decision maker"], null, null, Ctx());
        }
        else if (stage != Stage.New)
        {
            deal.SetNextStep(stage switch
            {
                Stage.Qualify => "Confirm budget and decision maker",
                Stage.Nurture => "Send case study",
                Stage.Proposal => "Walk through the proposal",
                Stage.Negotiation => "Agree discount and terms",
                _ => "Chase signature",
            }, DateOnly.FromDateTime(now.AddDays(random.Next(-5, 14)).UtcDateTime), Ctx());
        }
        return deal;
    }

    private static BantUpdate RandomBant(Random random, decimal amount, string currency, DateTimeOffset at) => new()
    {
        BudgetAmount = random.Next(4) > 0 ? amount : null,
        BudgetCurrency = currency,
        BudgetStatus = (BudgetStatus)random.Next(0, 5),
        DecisionMakerName = random.Next(3) > 0 ? "Decision maker" : null,
        Need = (NeedLevel)random.Next(0, 5),
        Timeframe = (Timeframe)random.Next(0, 6),
        TargetDate = random.Next(2) == 0 ? DateOnly.FromDateTime(at.AddDays(random.Next(20, 200)).UtcDateTime) : null,
    };

    private static string Summary(InteractionKind kind, string dealName) => kind switch
    {
        InteractionKind.Email => $"Email about {dealName}",
        InteractionKind.Call => "Call: discussed requirements and next steps",
        InteractionKind.Meeting => "Meeting: demo with the team",
        InteractionKind.Note => "Note: champion is keen, procurement is slow",
        _ => "Chat: quick question on pricing",
    };
}
