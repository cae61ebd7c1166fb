namespace Dashboard.Tests.Hardening;

/// <summary>After sign-in the server follows only a strictly local return URL; anything else goes to the default page.</summary>
[Trait("Category", "api")]
public sealed class ReturnUrlTests(HardeningFactory factory) : IClassFixture<HardeningFactory>
{
    private readonly AddressedSignIn signIn = new(factory);
    private static string? email;

    private async Task<string> UserAsync()
    {
        if (email is not null) return email;
        var address = $"returns-{Guid.NewGuid():N}@acme.test";
        await CookieSession.CreateUserAsync(factory, "returns", address, "member");
        return email = address;
    }

    public static TheoryData<string> Foreign => new()
    {
        "/\t/evil.test/x",
        "/\n/evil.test/x",
        "/\r\n/evil.test/x",
        "/\r/evil.test/x",
        "/ /evil.test/x",
        "/\u00a0/evil.test/x",
        "/\u3000/evil.test/x",
        "//evil.test/x",
        "///evil.test/x",
        "/\\evil.test/x",
        "/\\/evil.test/x",
        "\\\\evil.test/x",
        "/%2F/evil.test/x",
        "/%2f%2fevil.test/x",
        "/%5Cevil.test/x",
        "/%09/evil.test/x",
        "/%0d%0aSet-Cookie:x=1",
        "https://evil.test/x",
        "http:/evil.test/x",
        "javascript:alert(1)",
        " /models",
        "evil.test/x",
        "/models/../\t/evil.test",
        "/\u202e/evil.test/x",
    };

    [Theory]
    [MemberData(nameof(Foreign))]
    public async Task AReturnUrlThatIsNotStrictlyLocal_SendsTheSignedInUserToTheDefaultPage(string returnUrl)
    {
        var outcome = await signIn.PostAsync("198.51.100.60", await UserAsync(), CookieSession.Password, returnUrl);

        Assert.True(outcome.Status == 302, $"{outcome.Status}: {outcome.Body}");
        Assert.Equal("/models", outcome.Location);
        Assert.NotNull(outcome.SetCookie);
    }

    [Fact]
    public async Task AReturnUrlWithANul_IsRefusedByTheFormCheckBeforeAnySignIn()
    {
        var outcome = await signIn.PostAsync("198.51.100.63", await UserAsync(), CookieSession.Password, "/\0/evil.test/x");

        Assert.Equal(400, outcome.Status);
        Assert.Null(outcome.Location);
        Assert.Null(outcome.SetCookie);
    }

    [Theory]
    [InlineData("/models/12")]
    [InlineData("/models/12?tab=log&q=a%2Cb")]
    [InlineData("/billing#usage")]
    public async Task ALocalReturnUrl_IsFollowed(string returnUrl)
    {
        var outcome = await signIn.PostAsync("198.51.100.61", await UserAsync(), CookieSession.Password, returnUrl);

        Assert.Equal(returnUrl, outcome.Location);
    }

    [Theory]
    [InlineData("/\t/evil.test/x")]
    [InlineData("/\r\n/evil.test/x")]
    public async Task AWrongPasswordWithAForeignReturnUrl_GoesBackToSignIn_WithTheDefaultPageAsReturnUrl(string returnUrl)
    {
        var outcome = await signIn.PostAsync("198.51.100.62", await UserAsync(), "wrong-password", returnUrl);

        Assert.Equal(302, outcome.Status);
        Assert.Equal("/login?error=invalid&returnUrl=%2Fmodels", outcome.Location);
    }
}
