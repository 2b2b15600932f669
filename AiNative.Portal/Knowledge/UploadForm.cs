using AiNative.Services.Platform.Errors;

namespace AiNative.Portal.Knowledge;

/// <summary>Reads an upload's multipart body; a body that breaks the multipart format is the caller's mistake, not the server's.</summary>
internal static class UploadForm
{
    public static async Task<IFormCollection> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw new ValidationFailedException("Files", "Send the files as multipart/form-data with an 'index' field.");
        }

        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new ValidationFailedException("Files",
                $"The multipart body could not be read: {e.Message} Send each file as a part with a 'Content-Disposition: form-data' header.");
        }
    }
}
