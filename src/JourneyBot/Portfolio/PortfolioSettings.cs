using JourneyBot.Configuration;

namespace JourneyBot.Portfolio;

// Portfolio:AdminGroupId: the Entra group (object id) whose members see every program of their own tenant.
public sealed record PortfolioSettings(string? AdminGroupId)
{
    public static PortfolioSettings Load(IConfiguration config)
    {
        var text = config["Portfolio:AdminGroupId"];
        if (string.IsNullOrWhiteSpace(text)) return new PortfolioSettings((string?)null);
        if (!Guid.TryParse(text.Trim(), out var id))
        {
            throw new ConfigurationException(
                "Portfolio:AdminGroupId must be the object id (a GUID) of an Entra group.");

        }
        return new PortfolioSettings(id.ToString());
    }
}
