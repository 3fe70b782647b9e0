using System.Net;

namespace JourneyBot.Protocol;

public sealed class ConnectorException(string message, HttpStatusCode? status = null, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;
}
