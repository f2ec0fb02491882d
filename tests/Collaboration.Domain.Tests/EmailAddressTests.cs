using Collaboration.Domain.Common;
using Collaboration.Domain.Tenants;

namespace Collaboration.Domain.Tests;

public class EmailAddressTests
{
    [Theory]
    [InlineData("Wang.Fang@Contoso.COM", "wang.fang@contoso.com")]
    [InlineData("  <li@fabrikam.cn> ", "li@fabrikam.cn")]
    public void AddressesAreNormalizedWithoutCase(string input, string expected) => Assert.Equal(expected, EmailAddress.Normalize(input));

    [Theory]
    [InlineData("not an email")]
    [InlineData("a@b")]
    [InlineData("")]
    public void NonAddressesAreRefused(string input) =>
        Assert.Equal("invalid_email", Assert.Throws<DomainException>(() => EmailAddress.Normalize(input)).Error.Code);

    [Fact]
    public void MessageIdsLoseTheirAngleBracketsAndCase()
    {
        Assert.Equal("abc@mail.contoso.com", EmailAddress.NormalizeMessageId("<ABC@mail.contoso.com>"));
        Assert.Equal("abc@mail.contoso.com", EmailAddress.NormalizeMessageId("abc@mail.contoso.com"));
        Assert.Null(EmailAddress.NormalizeMessageId("  "));
    }

    [Fact]
    public void FreeMailIsRecognisedAndATenantCanOverrideTheList()
    {
        var tenant = new Tenant("t", "T");
        Assert.True(tenant.IsFreeMail("gmail.com"));
        Assert.True(tenant.IsFreeMail("QQ.com"));
        Assert.False(tenant.IsFreeMail("contoso.com"));
        tenant.ChangeFreeMailOverrides(["mail.local-isp.cn"], ["163.com"]);
        Assert.True(tenant.IsFreeMail("mail.local-isp.cn"));
        Assert.False(tenant.IsFreeMail("163.com"));
    }

    [Fact]
    public void AnInvalidPipelineIsRefusedWithItsProblems()
    {
        var tenant = new Tenant("t", "T");
        var error = Assert.Throws<InvalidFieldsException>(() => tenant.ChangePipeline(tenant.Pipeline with { LossReasons = [], QualificationThreshold = 150 }));
        Assert.Equal("invalid_pipeline", error.Error.Code);
        Assert.Contains("loss reason", error.Message);
        Assert.Contains("threshold", error.Message);
    }

    [Fact]
    public void EveryErrorCodeHasAnEnglishAndAChineseText()
    {
        foreach (var code in ErrorMessages.KnownCodes)
        {
            var error = new DomainError(code);
            Assert.NotEqual(code, error.Describe("en"));
            Assert.NotEqual(error.Describe("en"), error.Describe("zh-Hans"));
        }
    }
}
