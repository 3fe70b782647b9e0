using System.Text;

namespace JourneyBot.Map;

// A page already built in one StringBuilder, encoded as UTF-8 straight into the response (through compression)
// piece by piece: a large map is never turned into one more string or byte array on the way out.
public sealed class HtmlResult(StringBuilder html, int statusCode = StatusCodes.Status200OK) : IResult
{
    private const int Slice = 128 * 1024;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        await WriteAsync(html, response.BodyWriter, httpContext.RequestAborted);
    }

    public static async Task WriteAsync(StringBuilder html, System.IO.Pipelines.PipeWriter writer, CancellationToken cancellationToken)
    {
        var encoder = Encoding.UTF8.GetEncoder();
        foreach (var chunk in html.GetChunks())
        {
            // Flushed a slice at a time, so the pipe never holds the whole page; not more often, as each flush also
            // ends a compressed block.
            for (var start = 0; start < chunk.Length; start += Slice)
            {
                var slice = chunk.Span.Slice(start, Math.Min(Slice, chunk.Length - start));
                encoder.Convert(slice, writer, flush: false, out _, out _);
                await writer.FlushAsync(cancellationToken);
            }
        }
        encoder.Convert(ReadOnlySpan<char>.Empty, writer, flush: true, out _, out _);
        await writer.FlushAsync(cancellationToken);
    }
}
