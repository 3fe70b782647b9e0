using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace JourneyBot.Map;

// A tab page's JSON post, read within a size limit: null when it cannot be read (malformed, too large, cut off),
// empty when the body is JSON null.
public static class JsonBody
{
    public static async Task<T?> ReadAsync<T>(HttpContext http, long maxBytes, T empty) where T : class
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBytes;
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(http.Request.Body, JsonSerializerOptions.Web, http.RequestAborted) ?? empty;
        }
        catch (Exception e) when (e is JsonException or BadHttpRequestException or InvalidOperationException)
        {
            return null;
        }
    }
}
