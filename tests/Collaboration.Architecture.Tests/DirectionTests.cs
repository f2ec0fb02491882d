using NetArchTest.Rules;
using static Collaboration.Architecture.Tests.Projects;

namespace Collaboration.Architecture.Tests;

/// <summary>
/// The directions of docs/architecture.md: Domain → nothing; Application → Domain; Infrastructure → Application and
/// Domain; the hosts → anything below; no host → another host.
/// </summary>
public class DirectionTests
{
    [Fact]
    public void DomainDependsOnNothingOfOursAndOnNoFramework() =>
        Holds(TypesOf(DomainAssembly).ShouldNot()
            .HaveDependencyOnAny(ApplicationAssembly, InfrastructureAssembly, BotAssembly, AddinAssembly, ManifestAssembly, "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore")
            .GetResult(), "Domain depends on nothing of ours, on no EF Core and no ASP.NET Core");

    [Fact]
    public void ApplicationDependsOnDomainOnly() =>
        Holds(TypesOf(ApplicationAssembly).ShouldNot()
            .HaveDependencyOnAny(InfrastructureAssembly, BotAssembly, AddinAssembly, ManifestAssembly)
            .GetResult(), "Application depends on Domain, not on Infrastructure or a host");

    [Fact]
    public void ApplicationUsesNoDatabaseProviderGraphSanitizerOrSpreadsheetLibrary() =>
        Holds(TypesOf(ApplicationAssembly).ShouldNot()
            .HaveDependencyOnAny("Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.Data.Sqlite", "Npgsql", "Microsoft.EntityFrameworkCore.Design",
                "Microsoft.Graph", "Microsoft.Identity.Client", "Microsoft.Kiota", "Ganss.Xss", "AngleSharp", "DocumentFormat.OpenXml")
            .GetResult(), "Application reaches providers, Graph/MSAL, the sanitizer and OpenXml only through its ports");

    [Fact]
    public void ApplicationIsCompiledAgainstNoProviderOrClientLibrary()
    {
        // Provider extension methods (UseSqlite, IsNpgsql) live in the Microsoft.EntityFrameworkCore namespace, which
        // Application may use, so the namespace rule above cannot see them; the assembly references can.
        string[] forbidden = ["Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.Data.Sqlite", "Npgsql", "Npgsql.EntityFrameworkCore.PostgreSQL",
            "Microsoft.EntityFrameworkCore.Design", "Microsoft.Graph", "Microsoft.Graph.Core", "Microsoft.Identity.Client", "HtmlSanitizer",
            "AngleSharp", "DocumentFormat.OpenXml", InfrastructureAssembly];
        Assert.Empty(ReferencedAssemblies(ApplicationAssembly).Intersect(forbidden));
    }

    [Fact]
    public void ApplicationHasNoHostedServices() =>
        // By reflection: NetArchTest's ImplementInterface sees only interfaces a type declares itself, not BackgroundService's.
        Assert.DoesNotContain(Load(ApplicationAssembly).GetTypes(), t => typeof(Microsoft.Extensions.Hosting.IHostedService).IsAssignableFrom(t));

    [Fact]
    public void InfrastructureDependsOnApplicationAndDomainButOnNoHost() =>
        Holds(TypesOf(InfrastructureAssembly).ShouldNot()
            .HaveDependencyOnAny(BotAssembly, AddinAssembly, ManifestAssembly)
            .GetResult(), "Infrastructure serves Application and Domain, not a host");

    [Fact]
    public void TheBotDoesNotDependOnTheAddin() =>
        Holds(TypesOf(BotAssemblies).ShouldNot()
            .HaveDependencyOnAny(AddinAssembly, ManifestAssembly)
            .GetResult(), "no host depends on another host: the bot on the add-in");

    [Fact]
    public void TheAddinDoesNotDependOnTheBot() =>
        Holds(TypesOf(AddinAssembly).ShouldNot()
            .HaveDependencyOnAny(BotAssembly, ManifestAssembly)
            .GetResult(), "no host depends on another host: the add-in on the bot");

    [Fact]
    public void TheManifestGeneratorDependsOnNoHost() =>
        Holds(TypesOf(ManifestAssembly).ShouldNot()
            .HaveDependencyOnAny(BotAssembly, AddinAssembly)
            .GetResult(), "the manifest generator reads a shared catalog, not a host");
}
