using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using JourneyBot.Protocol;
using Microsoft.Extensions.Configuration;
using JourneyBot.Configuration;

namespace JourneyBot.Storage;

public static class StorageConnection
{
    public const string ConfigKey = "ConnectionStrings:Storage";

    // A connection string (Azurite locally) or a table endpoint URI reached with a managed identity in Azure,
    // where no account key is ever put in app settings.
    public static TableServiceClient CreateClient(IConfiguration config)
    {
        // Unset means local development against Azurite on its default ports.
        var value = string.IsNullOrWhiteSpace(config[ConfigKey]) ? "UseDevelopmentStorage=true" : config[ConfigKey]!;
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        options.AddPolicy(new StorageMetrics(), HttpPipelinePosition.PerRetry);

        if (Uri.TryCreate(value, UriKind.Absolute, out var endpoint) && (endpoint.Scheme == Uri.UriSchemeHttps || endpoint.Scheme == Uri.UriSchemeHttp))
        {
            var clientId = config["AZURE_CLIENT_ID"];
            TokenCredential credential = string.IsNullOrWhiteSpace(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
            return new TableServiceClient(endpoint, credential, options);
        }
        try
        {
            return new TableServiceClient(value, options);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new ConfigurationException($"{ConfigKey} is neither a storage connection string nor a table endpoint URI: {e.Message}");
        }
    }
}
