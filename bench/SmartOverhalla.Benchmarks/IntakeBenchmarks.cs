using System.Buffers;
using BenchmarkDotNet.Attributes;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.DevicePoints;
using SmartOverhalla.Influx;
using SmartOverhalla.Ingestion.Pipeline;

namespace SmartOverhalla.Benchmarks;

/// <summary>
/// What the ingestion worker does with each received message before batching, per message (OperationsPerInvoke):
/// validating topic and payload against the contract, mapping the validated record to its InfluxDB point, and both.
/// </summary>
[MemoryDiagnoser]
public class IntakeBenchmarks
{
    private (string Topic, ReadOnlySequence<byte> Payload)[] _messages = [];
    private (DeviceTopic Topic, IDeviceMessage Message)[] _validated = [];
    private MessageValidator _validator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _validator = new MessageValidator(new ValidationOptions(), new FixedClock(DeviceMessageBatch.Now));
        _messages = DeviceMessageBatch.Create();
        _validated = new (DeviceTopic, IDeviceMessage)[_messages.Length];
        for (var i = 0; i < _messages.Length; i++)
        {
            var result = _validator.Validate(_messages[i].Topic, _messages[i].Payload);
            if (result is not { IsValid: true, Topic: { } topic, Message: { } message })
            {
                throw new InvalidOperationException($"Benchmark message {i} is invalid: {result}");
            }

            _validated[i] = (topic, message);
        }
    }

    [Benchmark(OperationsPerInvoke = DeviceMessageBatch.Size, Description = "Validate")]
    public int Validate()
    {
        var valid = 0;
        foreach (var (topic, payload) in _messages)
        {
            valid += _validator.Validate(topic, payload).IsValid ? 1 : 0;
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = DeviceMessageBatch.Size, Description = "Map to point")]
    public int Map()
    {
        var fields = 0;
        foreach (var (topic, message) in _validated)
        {
            fields += PointMapper.Map(topic, message).Fields.Length;
        }

        return fields;
    }

    [Benchmark(OperationsPerInvoke = DeviceMessageBatch.Size, Description = "Validate and map")]
    public int ValidateAndMap()
    {
        var fields = 0;
        foreach (var (topic, payload) in _messages)
        {
            if (_validator.Validate(topic, payload) is { Topic: { } deviceTopic, Message: { } message })
            {
                PointData point = PointMapper.Map(deviceTopic, message);
                fields += point.Fields.Length;
            }
        }

        return fields;
    }
}
