using JourneyBot.Configuration;

namespace JourneyBot.Pictures;

// Where progress pictures are served from and how long a link to one lasts. The signing key comes from
// ProgressImage:SigningKey (base64, at least 32 bytes) when an admin sets one; otherwise the app generates one on
// first use and keeps it in table storage, so every instance signs and checks with the same key.
public sealed record PictureSettings(Uri? PublicUrl, TimeSpan Lifetime, byte[]? SigningKey)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);
    // For work that only deletes pictures.
    public static readonly PictureSettings None = new(null, DefaultLifetime, null);

    public static PictureSettings Load(IConfiguration config, OptionalFeatures? features = null)
    {
        // The same public address as the map's links: the bot's own https host.
        Uri? url = null;
        if (config["Map:PublicUrl"] is { Length: > 0 } text
            && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback)))
        {
            url = parsed;
        }
        var lifetime = DefaultLifetime;
        if (config["ProgressImage:TokenHours"] is { Length: > 0 } hours)
        {
            if (!int.TryParse(hours, out var h) || h is < 1 or > 24 * 90)
            {
                throw new ConfigurationException(
                    "ProgressImage:TokenHours must be a whole number of hours, 1 to 2160.");
            }
            lifetime = TimeSpan.FromHours(h);
        }
        byte[]? key = null;
        if (config["ProgressImage:SigningKey"] is { Length: > 0 } keyText)
        {
            try
            {
                key = Convert.FromBase64String(keyText.Trim());
            }
            catch (FormatException)
            {
                key = null;
            }
            if (key is null || key.Length < 32)
            {
                throw new ConfigurationException(
                    "ProgressImage:SigningKey must be base64 of at least 32 random bytes.");
            }
        }
        // Unset, there is simply no public address (as for map links); set but unusable, the feature is off.
        if (url is null && !string.IsNullOrWhiteSpace(config["Map:PublicUrl"]))
        {
            features?.TurnOff("progressImage",
                "Map:PublicUrl is not the app's absolute https address, so progress cards carry no picture");
        }


        return new PictureSettings(url, lifetime, key);
    }
}
