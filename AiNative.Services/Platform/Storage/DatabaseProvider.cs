namespace AiNative.Services.Platform.Storage;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}
