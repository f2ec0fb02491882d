using System.Security.Claims;
using System.Security.Cryptography;
using Collaboration.Bot.Protocol.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace Collaboration.Bot.Protocol.Tests.Authentication;

public sealed class VerifiedTokensTests
{
    private static readonly DateTime Expires = new(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void HoldsNoMoreThanItsCapacityWhateverIsAdded()
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "k" };
        var tokens = new VerifiedTokens();

        for (var i = 0; i < VerifiedTokens.Capacity * 3 + 7; i++)
        {
            tokens.Add($"token-{i}", key, new ClaimsIdentity([new Claim("serviceurl", "https://x")]), null, Expires);
            Assert.InRange(tokens.Count, 1, VerifiedTokens.Capacity);
        }
    }

    [Fact]
    public void GivesATokenBackOnlyForTheSameKeyObjectAndWhileItsLifetimeHolds()
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "k" };
        var sameKeyFetchedAgain = new RsaSecurityKey(rsa) { KeyId = "k" };
        var tokens = new VerifiedTokens();
        tokens.Add("token", key, new ClaimsIdentity([new Claim("serviceurl", "https://x")]), null, Expires);

        Assert.True(tokens.TryGet("token", key, (_, exp) => exp >= Expires, out var identity));
        Assert.Equal("https://x", identity.FindFirst("serviceurl")?.Value);
        Assert.False(tokens.TryGet("token", sameKeyFetchedAgain, (_, _) => true, out _));
        Assert.False(tokens.TryGet("other", key, (_, _) => true, out _));
        Assert.False(tokens.TryGet("token", key, (_, _) => false, out _));
        Assert.False(tokens.TryGet("token", key, (_, _) => true, out _)); // an expired token is dropped
    }

    [Fact]
    public void ChangesToAnIdentityGivenOutDoNotReachTheNextRequest()
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "k" };
        var tokens = new VerifiedTokens();
        var original = new ClaimsIdentity([new Claim("serviceurl", "https://x")]);
        tokens.Add("token", key, original, null, Expires);
        original.AddClaim(new Claim("role", "admin"));

        Assert.True(tokens.TryGet("token", key, (_, _) => true, out var first));
        first.AddClaim(new Claim("role", "admin"));
        Assert.True(tokens.TryGet("token", key, (_, _) => true, out var second));

        Assert.Null(second.FindFirst("role"));
    }
}
