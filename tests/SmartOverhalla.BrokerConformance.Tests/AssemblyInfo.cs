using SmartOverhalla.BrokerConformance.Tests.Brokers;

[assembly: AssemblyFixture(typeof(ConformanceBrokers))]
