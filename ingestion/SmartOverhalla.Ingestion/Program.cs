using Microsoft.Extensions.Hosting;
using SmartOverhalla.Ingestion;
using SmartOverhalla.ServiceDefaults;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.AddIngestion();
await builder.Build().RunAsync();
