using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using JourneyBot.Storage;
using Microsoft.Extensions.Configuration;

namespace JourneyBot.Admin;

// Backups kept in a blob container, so a scheduled job needs no disk of its own: `--out` (and `import --replace`)
// take a container URL, https://<account>.blob.core.windows.net/<container>[/<folder>/], or one blob's URL. The
// job signs in as table storage does (the managed identity; AZURE_CLIENT_ID picks a user-assigned one); a URL with
// a SAS token uses that instead. A blob appears only once it is whole (a block blob is committed at the end), and an
// existing one is never overwritten, so a backup cannot be replaced by a later, worse one under the same name.
public static class BackupBlob
{
    public static bool IsUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps
            || uri.Scheme == Uri.UriSchemeHttp);

    // The blob a backup goes to: the name given, or one made for it inside the folder the URL names.
    public static BlobClient Target(string url, string fileName, IConfiguration config)
    {
        var (container, blobName) = Parse(url, config);
        if (blobName.Length == 0 || blobName.EndsWith('/')) blobName += fileName;
        return container.GetBlobClient(blobName);
    }

    public static BlobClient Source(string url, IConfiguration config)
    {
        var (container, blobName) = Parse(url, config);
        if (blobName.Length == 0 || blobName.EndsWith('/'))
        {
            throw new ProgramTransferException($"{Shown(url)}: name the backup's blob, not a folder.", 2);
        }
        return container.GetBlobClient(blobName);
    }

    public static async Task UploadAsync(BlobClient blob, string file)
    {
        try
        {
            await blob.UploadAsync(file, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson" },
            });
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobAlreadyExists || e.Status == 409)
        {
            throw new ProgramTransferException(
                $"{Shown(blob.Uri.ToString())} exists already; nothing was overwritten.", 2);
        }
        catch (Exception e) when (Failed(e))
        {
            throw new ProgramTransferException($"Blob storage failed (--out): {e.GetBaseException().Message}", 1);
        }
    }

    public static async Task DownloadAsync(BlobClient blob, string file)
    {
        try
        {
            await blob.DownloadToAsync(file);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new ProgramTransferException($"{Shown(blob.Uri.ToString())}: no such blob. Nothing was restored.", 2);
        }
        catch (Exception e) when (Failed(e))
        {
            throw new ProgramTransferException($"Blob storage failed: {e.GetBaseException().Message}", 1);
        }
    }

    // Storage answered with an error, could not be reached, or no sign-in was to be had.
    private static bool Failed(Exception e) =>
        e is RequestFailedException or AuthenticationFailedException or HttpRequestException or AggregateException;

    // Never print a SAS token.
    public static string Shown(string url) => url.Split('?')[0];

    private static (BlobContainerClient Container, string BlobName) Parse(string url, IConfiguration config)
    {
        var uri = new Uri(url);
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            throw new ProgramTransferException($"{Shown(url)}: blob storage is reached over https " +
                "(http only on this machine, for Azurite).", 2);
        }
        var parts = new BlobUriBuilder(uri);
        if (string.IsNullOrEmpty(parts.BlobContainerName))
        {
            throw new ProgramTransferException($"{Shown(url)} names no blob container.", 2);
        }
        var blobName = parts.BlobName ?? "";
        parts.BlobName = null;
        // A service version Azurite (local runs, tests) answers too; the calls made here are all far older.
        var options = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06);
        options.Retry.MaxRetries = 3;
        var container = string.IsNullOrEmpty(uri.Query)
            ? new BlobContainerClient(parts.ToUri(), StorageConnection.Credential(config), options)
            : new BlobContainerClient(parts.ToUri(), options);
        // A URL ending in "/" names a folder; BlobUriBuilder drops the slash.
        if (uri.AbsolutePath.EndsWith('/') && blobName.Length > 0) blobName += "/";
        return (container, blobName);
    }
}
