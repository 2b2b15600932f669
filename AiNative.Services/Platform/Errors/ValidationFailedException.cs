namespace AiNative.Services.Platform.Errors;

/// <summary>Input that breaks a rule; <see cref="Errors"/> names each field and what is wrong with it.</summary>
public sealed class ValidationFailedException : PortalException
{
    public ValidationFailedException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
        : base(string.Join(" ", errors.SelectMany(e => e.Value)))
    {
        Errors = errors;
    }

    public override int StatusCode => 400;

    public override string Title => "The input is not valid";

    public override IReadOnlyDictionary<string, string[]> Errors { get; }
}
