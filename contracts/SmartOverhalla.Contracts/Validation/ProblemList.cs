namespace SmartOverhalla.Contracts.Validation;

/// <summary>
/// Collects the problems of one message. A struct passed by reference, and the list is created only on
/// the first problem, so a valid message (the hot path) allocates nothing here.
/// </summary>
internal struct ProblemList
{
    /// <summary>Field name used for problems of the topic rather than the payload.</summary>
    public const string TopicField = "$topic";

    /// <summary>Field name used for problems of the payload as a whole.</summary>
    public const string PayloadField = "$payload";

    private List<ValidationProblem>? _problems;

    public readonly bool IsEmpty => _problems is null;

    public void Add(string field, string code, string message) =>
        (_problems ??= new List<ValidationProblem>(capacity: 4)).Add(new ValidationProblem(field, code, message));

    public readonly IReadOnlyList<ValidationProblem> ToReadOnly() => _problems is null ? [] : _problems.AsReadOnly();
}
