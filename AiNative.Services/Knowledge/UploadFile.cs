namespace AiNative.Services.Knowledge;

/// <summary>One file of an upload: its content as a stream and the name the user gave it (display only).</summary>
public sealed record UploadFile(string FileName, Stream Content);
