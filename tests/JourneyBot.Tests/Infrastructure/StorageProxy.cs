using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Tests.Infrastructure;

// An HTTP relay in front of Azurite's table endpoint that can refuse requests the way the service refuses an
// identity without the permission (403 AuthorizationPermissionMismatch): with "only GET" it is what a process with
// the Storage Table Data Reader role meets. Shared-key signatures name no host, so requests pass through unchanged.
public sealed class StorageProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private readonly int _target;
    private readonly Func<string, bool> _refuse;

    public int Port { get; }
    public ConcurrentQueue<string> Requests { get; } = new();
    public ConcurrentQueue<string> Refused { get; } = new();

    private StorageProxy(int target, Func<string, bool> refuse)
    {
        _target = target;
        _refuse = refuse;
        Port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, Port));
        _app = builder.Build();
        _app.Run(RelayAsync);
    }

    // refuse: given "METHOD path", whether to answer 403 instead of passing the request on.
    public static async Task<StorageProxy> StartAsync(AzuriteServer azurite, Func<string, bool> refuse)
    {
        var proxy = new StorageProxy(azurite.TablePort, refuse);
        await proxy._app.StartAsync();
        return proxy;
    }

    public static bool AnythingButReads(string request) => !request.StartsWith("GET ", StringComparison.Ordinal);

    public string ConnectionString(AzuriteServer azurite) =>
        azurite.ConnectionString.Replace($"127.0.0.1:{azurite.TablePort}/", $"127.0.0.1:{Port}/");

    private async Task RelayAsync(HttpContext http)
    {
        var line = $"{http.Request.Method} {http.Request.Path}";
        Requests.Enqueue(line);
        if (_refuse(line))
        {
            Refused.Enqueue(line);
            http.Response.StatusCode = 403;
            http.Response.Headers["x-ms-error-code"] = "AuthorizationPermissionMismatch";
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("""{"odata.error":{"code":"AuthorizationPermissionMismatch","message":""" +
                """{"lang":"en-US","value":"This request is not authorized to perform this operation."}}}""");
            return;
        }
        var uri = $"http://127.0.0.1:{_target}{http.Request.Path}{http.Request.QueryString}";
        using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), uri);
        if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            request.Content = new ByteArrayContent(body.ToArray());
        }
        foreach (var (name, values) in http.Request.Headers)
        {
            if (name is "Host" or "Content-Length" or "Transfer-Encoding") continue;
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }
        using var response = await _http.SendAsync(request);
        http.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name is "Transfer-Encoding" or "Connection" or "Content-Length") continue;
            http.Response.Headers[name] = values.ToArray();
        }
        await response.Content.CopyToAsync(http.Response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
