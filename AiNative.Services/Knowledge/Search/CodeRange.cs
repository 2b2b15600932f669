namespace AiNative.Services.Knowledge.Search;

/// <summary>What turns a row's 4-bit codes back into its values: value ≈ <see cref="Low"/> + code × <see cref="Step"/>.</summary>
public readonly record struct CodeRange(float Low, float Step);
