using Dashboard.Shared.Dashboard;

namespace Dashboard.Server.Accounts;

public static class AccountsExtensions
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<FirstRunSetup>();
        builder.Services.AddScoped<IFirstRunSetup>(s => s.GetRequiredService<FirstRunSetup>());
        return builder;
    }
}
