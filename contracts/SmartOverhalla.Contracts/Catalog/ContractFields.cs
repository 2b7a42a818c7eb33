using System.Collections.Immutable;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Contracts.Catalog;

/// <summary>The leaf fields of each contract message (<see cref="ContractField"/>).</summary>
public static class ContractFields
{
    /// <summary>Every leaf field of the message a <paramref name="kind"/> device sends on <paramref name="message"/>, in documentation order; empty when there is no such message.</summary>
    public static ImmutableArray<ContractField> Of(DeviceKind kind, MessageType message)
    {
        var spec = MessageCatalog.Find(kind, message);
        if (spec is null)
        {
            return [];
        }

        var leaves = ImmutableArray.CreateBuilder<ContractField>();
        Collect(spec.Fields, leaves);
        return leaves.ToImmutable();
    }

    private static void Collect(ImmutableArray<FieldSpec> fields, ImmutableArray<ContractField>.Builder leaves)
    {
        foreach (var field in fields)
        {
            if (field.Type == FieldType.Object)
            {
                Collect(field.Fields, leaves);
                continue;
            }

            leaves.Add(new ContractField(
                field.Path,
                field.Type switch
                {
                    FieldType.Integer => ContractFieldShape.Integer,
                    FieldType.Number => ContractFieldShape.Number,
                    FieldType.Boolean => ContractFieldShape.Boolean,
                    FieldType.DateTime => ContractFieldShape.DateTime,
                    _ => ContractFieldShape.String,
                },
                field.Required,
                field.Minimum,
                field.Maximum ?? field.ExclusiveMaximum,
                field.AllowedValues,
                field.MustMatchTopicDevice,
                field.IsDeviceTime));
        }
    }
}
