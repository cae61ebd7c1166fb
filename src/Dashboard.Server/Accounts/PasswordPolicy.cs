using System.Security.Cryptography;
using Dashboard.Server.Errors;
using Dashboard.Server.Security;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Server.Accounts;

public static class PasswordPolicy
{
    /// <summary>Checks a password against Identity's rules before anything is created with it.</summary>
    public static async Task CheckAsync(UserManager<AppUser> users, string? password, string field)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new AppUser(), password ?? "");
            if (!result.Succeeded) throw ApiErrors.Validation(field, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>A one-time password an admin hands over; it meets every default rule (length, cases, digit, symbol).</summary>
    public static string Temporary()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var body = RandomNumberGenerator.GetString(letters, 14);
        return $"{body}-{RandomNumberGenerator.GetInt32(10)}aZ";
    }
}
