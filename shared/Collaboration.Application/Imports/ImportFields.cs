using System.Globalization;
using Collaboration.Domain.Common;
using Collaboration.Domain.Imports;

namespace Collaboration.Application.Imports;

/// <summary>A validated row, ready to become a contact and a deal.</summary>
public sealed record ImportCandidate(
    int Line, string Email, string? Name, string? Company, string? DealName, decimal? Amount, string? Currency, DateOnly? CloseDate,
    string? Country, string? Budget, string? Timeline, string? Notes, string? Phone, string? Title);

/// <summary>The fields a list can fill, the headers that name them (English and Chinese), and how a row is read.</summary>
public static class ImportFields
{
    public const string Email = "email";
    public const string Name = "name";
    public const string FirstName = "firstName";
    public const string LastName = "lastName";
    public const string Company = "company";
    public const string DealName = "dealName";
    public const string Amount = "amount";
    public const string Currency = "currency";
    public const string CloseDate = "closeDate";
    public const string Country = "country";
    public const string Budget = "budget";
    public const string Timeline = "timeline";
    public const string Notes = "notes";
    public const string Phone = "phone";
    public const string Title = "title";

    private static readonly Dictionary<string, string[]> Synonyms = new()
    {
        [Email] = ["email", "emailaddress", "mail", "邮箱", "电子邮件", "电子邮箱", "邮箱地址", "邮件"],
        [Name] = ["name", "fullname", "contact", "contactname", "attendee", "姓名", "名字", "联系人"],
        [FirstName] = ["firstname", "givenname", "first"],
        [LastName] = ["lastname", "surname", "familyname", "last"],
        [Company] = ["company", "companyname", "organization", "organisation", "account", "employer", "公司", "公司名称", "单位", "企业", "企业名称"],
        [DealName] = ["deal", "dealname", "opportunity", "opportunityname", "商机", "商机名称"],
        [Amount] = ["amount", "value", "dealvalue", "金额", "商机金额"],
        [Currency] = ["currency", "币种", "货币"],
        [CloseDate] = ["closedate", "expectedclose", "expectedclosedate", "预计成交日期", "成交日期"],
        [Country] = ["country", "countryregion", "region", "国家", "国家地区", "地区"],
        [Budget] = ["budget", "预算"],
        [Timeline] = ["timeline", "timeframe", "purchasetimeline", "时间表", "采购时间", "计划时间"],
        [Notes] = ["notes", "note", "comments", "comment", "message", "interest", "备注", "留言", "说明"],
        [Phone] = ["phone", "phonenumber", "mobile", "tel", "电话", "手机", "联系电话"],
        [Title] = ["title", "jobtitle", "position", "role", "职位", "职务", "头衔"],
    };

    public static IReadOnlyCollection<string> All => Synonyms.Keys;

    /// <summary>Field → column, guessed from the headers.</summary>
    public static Dictionary<string, string> Detect(IReadOnlyList<string> columns)
    {
        var mapping = new Dictionary<string, string>();
        foreach (var column in columns)
        {
            var folded = Fold(column);
            var field = Synonyms.FirstOrDefault(kv => kv.Value.Contains(folded)).Key;
            if (field is not null && !mapping.ContainsKey(field)) mapping[field] = column;
        }
        return mapping;
    }

    private static string Fold(string header) =>
        new string(header.Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-' or '/' or '.' or '(' or ')' or '（' or '）' or ':' or '：')).ToArray()).ToLowerInvariant();

    /// <summary>Checks a mapping against the file: known fields, existing columns, an email column.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyDictionary<string, string> mapping, IReadOnlyList<string> columns)
    {
        var problems = new List<string>();
        foreach (var (field, column) in mapping)
        {
            if (!Synonyms.ContainsKey(field)) problems.Add($"Unknown field \"{field}\"; use one of: {string.Join(", ", Synonyms.Keys)}.");
            else if (!columns.Contains(column)) problems.Add($"The file has no column \"{column}\" (mapped to {field}).");
        }
        if (!mapping.ContainsKey(Email)) problems.Add("Map a column to email: contacts are matched by their email address.");
        return problems;
    }

    /// <summary>The row as a candidate, or what is wrong with it (by line and column).</summary>
    public static (ImportCandidate? Candidate, IReadOnlyList<ImportRowError> Errors) Read(ImportLine row, IReadOnlyDictionary<string, string> mapping, IReadOnlyList<string> columns)
    {
        var errors = new List<ImportRowError>();
        string? Cell(string field)
        {
            if (!mapping.TryGetValue(field, out var column)) return null;
            var index = IndexOf(columns, column);
            if (index < 0 || index >= row.Cells.Count) return null;
            var value = row.Cells[index].Trim();
            return value.Length == 0 ? null : value;
        }

        var emailText = Cell(Email);
        string? email = null;
        if (emailText is null) errors.Add(new ImportRowError(row.Line, mapping[Email], "The email is missing."));
        else
        {
            try { email = EmailAddress.Normalize(emailText); }
            catch (DomainException) { errors.Add(new ImportRowError(row.Line, mapping[Email], $"\"{emailText}\" is not an email address.")); }
        }

        decimal? amount = null;
        if (Cell(Amount) is { } amountText)
        {
            var cleaned = new string(amountText.Where(c => char.IsDigit(c) || c is '.' or '-').ToArray());
            if (decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0) amount = parsed;
            else errors.Add(new ImportRowError(row.Line, mapping[Amount], $"\"{amountText}\" is not an amount."));
        }

        string? currency = null;
        if (Cell(Currency) is { } currencyText)
        {
            if (currencyText.Length == 3 && currencyText.All(char.IsAsciiLetter)) currency = currencyText.ToUpperInvariant();
            else errors.Add(new ImportRowError(row.Line, mapping[Currency], $"\"{currencyText}\" is not a three-letter currency code."));
        }

        DateOnly? closeDate = null;
        if (Cell(CloseDate) is { } dateText)
        {
            if (TryDate(dateText, out var date)) closeDate = date;
            else errors.Add(new ImportRowError(row.Line, mapping[CloseDate], $"\"{dateText}\" is not a date (use YYYY-MM-DD)."));
        }

        var parts = string.Join(' ', new[] { Cell(FirstName), Cell(LastName) }.Where(s => s is not null));
        var name = Cell(Name) ?? (parts.Length > 0 ? parts : null);
        var dealName = Cell(DealName);
        if (dealName is { Length: > Domain.Opportunities.Opportunity.MaxNameLength })
        {
            errors.Add(new ImportRowError(row.Line, mapping[DealName], $"A deal name can have at most {Domain.Opportunities.Opportunity.MaxNameLength} characters."));
        }
        if (errors.Count > 0 || email is null) return (null, errors);
        return (new ImportCandidate(row.Line, email, Limit(name, 200), Limit(Cell(Company), 200), dealName, amount, currency, closeDate,
            Limit(Cell(Country), 100), Cell(Budget), Cell(Timeline), Cell(Notes), Limit(Cell(Phone), 50), Limit(Cell(Title), 200)), errors);
    }

    private static string? Limit(string? value, int max) => value is null || value.Length <= max ? value : value[..max];

    private static int IndexOf(IReadOnlyList<string> columns, string column)
    {
        for (var i = 0; i < columns.Count; i++) if (columns[i] == column) return i;
        return -1;
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "d.M.yyyy", "yyyy年M月d日"];

    private static bool TryDate(string text, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        // A date cell in a sheet is a serial number of days.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }
        return false;
    }
}
