using System.Text.Json.Nodes;
using SmartOverhalla.Contracts.Catalog;
using SmartOverhalla.Contracts.Storage;

namespace SmartOverhalla.Contracts.Tests.Catalog;

/// <summary>
/// Proves that every field's accessor in the catalogue reads the record property of its own wire name: for each field
/// in turn, two payloads that differ only in that field must read, through its accessor, exactly the two values sent,
/// and through every other accessor the same value. A field declared as <c>f.Number("powerW", t =&gt; t.EnergyKWh, …)</c>
/// fails both ways.
/// </summary>
internal static class AccessorCheck
{
    public static IReadOnlyList<string> Problems(MessageSpec spec)
    {
        var problems = new List<string>();
        var readable = CatalogPayload.Leaves(spec.Fields).Where(field => field.Read is not null).ToList();
        foreach (var field in readable)
        {
            if (CatalogPayload.TwoValues(field) is not var (a, b))
            {
                problems.Add($"{field.Path}: has an accessor but only one valid value, so the check cannot tell what it reads");
                continue;
            }

            var (recordA, problemsA) = CatalogPayload.Read(spec, CatalogPayload.Build(spec.Fields, field.Path, a));
            var (recordB, problemsB) = CatalogPayload.Read(spec, CatalogPayload.Build(spec.Fields, field.Path, b));
            problems.AddRange(problemsA.Concat(problemsB).Select(p => $"{field.Path}: the generated payload is invalid: {p}"));

            Expect(field, recordA, a, problems);
            Expect(field, recordB, b, problems);
            foreach (var other in readable.Where(other => other != field))
            {
                if (other.Read!(recordA) != other.Read!(recordB))
                {
                    problems.Add($"{other.Path}: its accessor read a different value when only {field.Path} changed");
                }
            }
        }

        return problems;
    }

    private static void Expect(FieldSpec field, object record, JsonNode sent, List<string> problems)
    {
        var expected = field.Type switch
        {
            FieldType.Integer => StoredValue.Integer(sent.GetValue<int>()),
            FieldType.Number => StoredValue.Float(sent.GetValue<double>()),
            FieldType.Boolean => StoredValue.Boolean(sent.GetValue<bool>()),
            _ => StoredValue.Text(sent.GetValue<string>()),
        };
        var read = field.Read!(record);
        if (read != expected)
        {
            problems.Add($"{field.Path}: sent {sent.ToJsonString()}, its accessor read {read}");
        }
    }
}
