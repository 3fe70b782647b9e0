namespace JourneyBot.Protocol;

// Which connector endpoints the bot may call: only those learnt from authenticated inbound activities.
// A seam because the protocol layer must not know how (or where) the list is stored.
public interface IServiceUrlTrust
{
    Task RememberAsync(string serviceUrl, CancellationToken cancellationToken);
    Task<bool> IsTrustedAsync(string serviceUrl, CancellationToken cancellationToken);
}
