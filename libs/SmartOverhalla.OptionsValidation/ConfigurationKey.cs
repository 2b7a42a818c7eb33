using System.ComponentModel.DataAnnotations;
using System.Text;

namespace SmartOverhalla.OptionsValidation;

/// <summary>
/// Configuration keys (<c>Broker:Embedded:Port</c>) for validation messages: the names an operator writes in
/// <c>appsettings.json</c>, or with <c>__</c> for <c>:</c> in the environment. The source-generated validators name a
/// member by its path below the name they are given, joined with '.' (<c>Broker.Embedded.Port</c>, <c>Keys[2]</c>);
/// this turns such a path into the key.
/// </summary>
public static class ConfigurationKey
{
    // The generated validator calls IValidatableObject.Validate with DisplayName "{path}.Validate" (or "Validate" at
    // the top when it was given no name); a reflection-based ValidationContext has the type's name instead.
    private const string SelfValidation = "Validate";

    /// <summary>
    /// The key of <paramref name="members"/> (a member of the options object being validated, and below it) for a
    /// message of <see cref="IValidatableObject.Validate"/>, e.g. <c>Broker:Embedded:BindAddress</c>: the object's
    /// own key comes from the context the generated validator passes in.
    /// </summary>
    public static string Of(ValidationContext validationContext, params ReadOnlySpan<string> members)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        var path = validationContext.DisplayName;
        if (path == SelfValidation)
        {
            path = string.Empty;
        }
        else if (path.EndsWith("." + SelfValidation, StringComparison.Ordinal))
        {
            path = path[..^(SelfValidation.Length + 1)];
        }

        var key = new StringBuilder(FromPath(path));
        foreach (var member in members)
        {
            key.Append(key.Length == 0 ? string.Empty : ":").Append(member);
        }

        return key.ToString();
    }

    /// <summary>A generated validator's member path (<c>Broker.Embedded.Port</c>, <c>Keys[2]</c>) as a configuration key.</summary>
    internal static string FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Replace("[", ":", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Replace('.', ':');
    }
}
