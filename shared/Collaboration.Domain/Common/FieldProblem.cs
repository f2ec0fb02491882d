namespace Collaboration.Domain.Common;

/// <summary>One thing wrong with a field of a submitted form: the field's path (e.g. <c>stages[3].probability</c>) and why.</summary>
public sealed record FieldProblem(string Field, DomainError Error)
{
    public static FieldProblem Of(string field, string code, params (string Key, string Value)[] values) =>
        new(field, DomainError.Of(code, values));
}

/// <summary>Settings refused as a whole, with every problem named by its field, so a form can show each next to its input.</summary>
public sealed class InvalidFieldsException(string code, IReadOnlyList<FieldProblem> problems)
    : DomainException(DomainError.Of(code, ("detail", string.Join("; ", problems.Select(p => $"{p.Field}: {p.Error.Describe("en")}")))))
{
    public IReadOnlyList<FieldProblem> Problems { get; } = problems;
}
