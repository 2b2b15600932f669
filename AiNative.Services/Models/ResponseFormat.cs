namespace AiNative.Services.Models;

public enum ResponseFormat
{
    Text = 1,
    Json = 2,
}
