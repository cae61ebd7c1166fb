using Microsoft.AspNetCore.Identity;

namespace Dashboard.Server.Security;

public enum SignInOutcome
{
    SignedIn,
    Invalid,
    Locked,
}

/// <summary>
/// The sign-in form's check. Wrong passwords lock an account only for the address they came from (see
/// <see cref="FailedSignInThrottle"/>), never for its owner elsewhere, so Identity's account-wide lockout is not used.
/// An unknown email costs one password hash like a known one: the time of an answer does not tell which emails have accounts.
/// </summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, FailedSignInThrottle throttle)
{
    private static readonly AppUser Nobody = new();
    private static string? nobodysHash;

    public async Task<SignInOutcome> SignInAsync(HttpContext http, string email, string password)
    {
        if (throttle.AccountLockedFor(http, email) is not null) return SignInOutcome.Locked;
        var user = await users.FindByNameAsync(email);
        var result = user is null ? HashInVain(password) : await signIn.PasswordSignInAsync(user, password, isPersistent: true, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            throttle.RecordSignIn(http, email);
            return SignInOutcome.SignedIn;
        }
        if (result.IsLockedOut) return SignInOutcome.Locked; // a lockout set before this rule, until it ends
        throttle.RecordFailedSignIn(http, email);
        return throttle.AccountLockedFor(http, email) is null ? SignInOutcome.Invalid : SignInOutcome.Locked;
    }

    private SignInResult HashInVain(string password)
    {
        nobodysHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        hasher.VerifyHashedPassword(Nobody, nobodysHash, password);
        return SignInResult.Failed;
    }
}
