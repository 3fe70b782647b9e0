using System.Net;

namespace JourneyBot.Protocol;

public sealed class ConnectorException(string message, HttpStatusCode? status = null, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;

    // A message was on its way and no answer came: Teams may have taken it, so it must not be sent again.
    public bool MayHaveArrived { get; init; }
}
