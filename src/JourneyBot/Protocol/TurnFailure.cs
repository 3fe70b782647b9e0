using System.Net.Sockets;
using Azure;
using Azure.Identity;

namespace JourneyBot.Protocol;

// Why a turn failed: a dependency that did not answer (named), or null for a fault in JourneyBot's own code.
public static class TurnFailure
{
    public static string? Dependency(Exception e) => e switch
    {
        RequestFailedException => "storage",
        ConnectorException => "the Bot Framework connector",
        AuthenticationFailedException or CredentialUnavailableException => "the token service",
        HttpRequestException or SocketException => "a service over the network",
        TimeoutException or TaskCanceledException => "a service that timed out",
        AggregateException { InnerExceptions.Count: > 0 } a =>
            a.InnerExceptions.Select(Dependency).FirstOrDefault(d => d is not null),
        _ when e.InnerException is { } inner => Dependency(inner),
        _ => null,
    };
}
