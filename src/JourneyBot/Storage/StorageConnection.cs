using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using JourneyBot.Configuration;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Storage;

public static class StorageConnection
{
    public const string ConfigKey = "ConnectionStrings:Storage";

    // A connection string (Azurite locally) or a table endpoint URI reached with a managed identity in Azure,
    // where no account key is ever put in app settings.
    public static TableServiceClient CreateClient(IConfiguration config) => CreateTables(config).Service;

    // In Azure the app's managed identity (AZURE_CLIENT_ID picks the user-assigned one); on an admin's machine,
    // `export` and `import` sign in as the admin (Azure CLI, Visual Studio Code, environment): the same chain.
    public static TokenCredential Credential(IConfiguration config)
    {
        var clientId = config["AZURE_CLIENT_ID"];
        return new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId,
            ExcludeInteractiveBrowserCredential = true,
        });
    }

    // The app's tables on a client that creates a missing table again when a request meets it (TableRecreation).
    // recreateMissingTables: off for commands that only read (export, list), which must work with a reader role.
    public static StorageTables CreateTables(IConfiguration config, ILogger? log = null, bool recreateMissingTables = true)
    {
        // Unset means local development against Azurite on its default ports.
        var value = string.IsNullOrWhiteSpace(config[ConfigKey]) ? "UseDevelopmentStorage=true" : config[ConfigKey]!;
        var metrics = new StorageMetrics();
        TableClientOptions Options()
        {
            var options = new TableClientOptions();
            options.Retry.MaxRetries = 3;
            options.Retry.Delay = TimeSpan.FromMilliseconds(200);
            options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
            options.AddPolicy(metrics, HttpPipelinePosition.PerRetry);
            return options;
        }

        Func<TableClientOptions, TableServiceClient> connect;
        if (Uri.TryCreate(value, UriKind.Absolute, out var endpoint) && (endpoint.Scheme == Uri.UriSchemeHttps || endpoint.Scheme == Uri.UriSchemeHttp))
        {
            var credential = Credential(config);
            connect = options => new TableServiceClient(endpoint, credential, options);
        }
        else
        {
            connect = options => new TableServiceClient(value, options);
        }
        try
        {
            var recreation = new TableRecreation(connect(Options()), StorageTables.All, log);
            var options = Options();
            // Per call, ahead of the retry policy: the request sent again after the create gets retries of its own.
            if (recreateMissingTables) options.AddPolicy(recreation, HttpPipelinePosition.PerCall);
            return new StorageTables(connect(options), recreation);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new ConfigurationException($"{ConfigKey} is neither a storage connection string nor a table endpoint URI: {e.Message}");
        }
    }
}
