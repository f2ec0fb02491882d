using System.Reflection;
using NetArchTest.Rules;

namespace Collaboration.Architecture.Tests;

/// <summary>The product's assemblies, loaded by name from this test's output (each is a project reference).</summary>
internal static class Projects
{
    public const string DomainAssembly = "Collaboration.Domain";
    public const string ApplicationAssembly = "Collaboration.Application";
    public const string InfrastructureAssembly = "Collaboration.Infrastructure";
    public const string BotAssembly = "Collaboration.Bot";
    public const string AddinAssembly = "Collaboration.Addin";
    public const string ManifestAssembly = "Collaboration.Manifest";

    /// <summary>The Teams bot host and the libraries only it uses (their namespaces all start with <see cref="BotAssembly"/>).</summary>
    public static readonly string[] BotAssemblies = [BotAssembly, "Collaboration.Bot.Protocol", "Collaboration.Bot.Notifications"];

    public static Assembly Load(string name) => Assembly.Load(name);

    public static Types TypesOf(params string[] assemblies) => Types.InAssemblies(assemblies.Select(Load));

    /// <summary>Fails with the offending types named, so a broken direction says where it was broken.</summary>
    public static void Holds(TestResult result, string rule) =>
        Assert.True(result.IsSuccessful, $"{rule}; broken by: {string.Join(", ", result.FailingTypeNames ?? [])}");

    /// <summary>Assemblies the compiled project references (the compiler keeps only those it uses).</summary>
    public static IReadOnlyList<string> ReferencedAssemblies(string name) =>
        Load(name).GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
}
