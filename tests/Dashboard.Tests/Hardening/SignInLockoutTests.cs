using System.Diagnostics;
using Xunit.Abstractions;

namespace Dashboard.Tests.Hardening;

/// <summary>
/// Wrong passwords lock an account only for the address they came from: nobody can lock a person out from elsewhere.
/// An unknown email costs as much time as a known one, so timing does not tell which emails have accounts.
/// </summary>
[Trait("Category", "api")]
public sealed class SignInLockoutTests(HardeningFactory factory, ITestOutputHelper output) : IClassFixture<HardeningFactory>
{
    private readonly AddressedSignIn signIn = new(factory);

    private async Task<string> NewUserAsync(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@acme.test";
        await CookieSession.CreateUserAsync(factory, "lockout", email, "member");
        return email;
    }

    [Fact]
    public async Task FiveWrongPasswordsFromOneAddress_LockItOut_ButTheRightPasswordFromAnotherAddressStillSignsIn()
    {
        var email = await NewUserAsync("victim");
        for (var i = 0; i < 5; i++)
            Assert.Matches("error=(invalid|locked)", (await signIn.PostAsync("203.0.113.21", email, "wrong-password")).Location);

        var fromElsewhere = await signIn.PostAsync("198.51.100.21", email, CookieSession.Password);
        var fromTheGuesser = await signIn.PostAsync("203.0.113.21", email, CookieSession.Password);

        Assert.Equal("/models", fromElsewhere.Location);
        Assert.NotNull(fromElsewhere.SetCookie);
        Assert.Contains("error=locked", fromTheGuesser.Location, StringComparison.Ordinal);
        Assert.Null(fromTheGuesser.SetCookie);
    }

    [Fact]
    public async Task SigningInAsAnUnknownEmail_TakesAsLongAsAWrongPasswordForAKnownOne()
    {
        var known = new List<string>();
        for (var i = 0; i < 4; i++) known.Add(await NewUserAsync("timed"));
        await signIn.PostAsync("192.0.2.250", "warm-up@nowhere.test", "wrong-password");
        await signIn.PostAsync("192.0.2.251", known[3], "wrong-password");

        var unknown = new List<double>();
        var knownWrong = new List<double>();
        for (var round = 0; round < 9; round++) // interleaved, so load on the machine hits both alike; 3 tries per account stay under any lockout
        {
            unknown.Add(await TimeAsync($"192.0.2.{round + 1}", $"nobody-{Guid.NewGuid():N}@acme.test"));
            knownWrong.Add(await TimeAsync($"192.0.2.{round + 101}", known[round % 3]));
        }

        var (unknownMedian, knownMedian) = (Median(unknown), Median(knownWrong));
        output.WriteLine($"median sign-in: unknown email {unknownMedian:F1} ms, known email with a wrong password {knownMedian:F1} ms");
        Assert.True(unknownMedian >= 0.5 * knownMedian,
            $"unknown email: median {unknownMedian:F1} ms; known email, wrong password: median {knownMedian:F1} ms");
    }

    private async Task<double> TimeAsync(string address, string email)
    {
        var clock = Stopwatch.StartNew();
        var outcome = await signIn.PostAsync(address, email, "wrong-password");
        clock.Stop();
        Assert.Contains("error=invalid", outcome.Location, StringComparison.Ordinal);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
