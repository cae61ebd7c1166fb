using Dashboard.Server.Persistence;
using Dashboard.Server.Privacy;
using Dashboard.Server.Security;

namespace Dashboard.Server.Cli;

/// <summary>
/// `create-api-key --org NAME --plan PLAN`, `create-user --org NAME --email E --password P --role R` and `delete-org --org NAME`:
/// the same program, configuration and database as the server; each prints only its result.
/// </summary>
public static class CommandLine
{
    public static readonly string[] Commands = ["create-api-key", "create-user", DeleteOrganization, RotateKeyCommand.Name];

    private const string DeleteOrganization = "delete-org";

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args[0] == RotateKeyCommand.Name) return await RotateKeyCommand.RunAsync(app, args[1..]);
        var options = Parse(args.Skip(1).ToArray());
        try
        {
            using var scope = app.Services.CreateScope();
            var services = scope.ServiceProvider;
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
            var organizations = services.GetRequiredService<OrganizationService>();
            var orgName = Required(options, "org");
            switch (args[0])
            {
                case DeleteOrganization:
                    var deleted = await services.GetRequiredService<OrganizationDeletion>().DeleteAsync(orgName, CancellationToken.None);
                    if (deleted is null)
                    {
                        await Console.Error.WriteLineAsync($"error: no organization is named '{orgName}'.");
                        return 1;
                    }
                    Console.WriteLine($"deleted organization '{deleted.Name}': {deleted.Models} models, {deleted.DataFiles} data files, {deleted.RetainedItems} retained items");
                    return 0;
                case "create-api-key":
                    var organization = await organizations.GetOrCreateAsync(orgName, Required(options, "plan"), CancellationToken.None);
                    var key = await services.GetRequiredService<ApiKeyService>().CreateAsync(organization.Id, options.GetValueOrDefault("name") ?? "command line", CancellationToken.None);
                    Console.WriteLine(key.Secret);
                    return 0;
                default:
                    var existing = await organizations.GetOrCreateAsync(orgName, options.GetValueOrDefault("plan") ?? await PlanOfAsync(organizations, orgName), CancellationToken.None);
                    var user = await services.GetRequiredService<UserService>().CreateAsync(existing.Id, Required(options, "email"), Required(options, "password"), Required(options, "role"));
                    Console.WriteLine(user.Email);
                    return 0;
            }
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            await Console.Error.WriteLineAsync("usage: create-api-key --org NAME --plan gold|enterprise|growth|payg");
            await Console.Error.WriteLineAsync("       create-user --org NAME --email E --password P --role admin|member|viewer");
            await Console.Error.WriteLineAsync("       delete-org --org NAME");
            await Console.Error.WriteLineAsync("       rotate-key [--reencrypt]");
            return 2;
        }
    }

    private static async Task<string> PlanOfAsync(OrganizationService organizations, string name) =>
        (await organizations.FindByNameAsync(name, CancellationToken.None))?.Plan ?? Shared.Billing.Plans.Gold;

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Length - 1; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            options[args[i][2..]] = args[i + 1];
        }
        return options;
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new ArgumentException($"--{name} is required.");
}
