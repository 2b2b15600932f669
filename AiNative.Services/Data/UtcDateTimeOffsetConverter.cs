using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AiNative.Services.Data;

/// <summary>Stores every <see cref="DateTimeOffset"/> as the same instant with offset zero (PostgreSQL's timestamptz needs it).</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
