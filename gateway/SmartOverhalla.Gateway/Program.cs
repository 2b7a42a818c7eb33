using SmartOverhalla.Gateway;
using SmartOverhalla.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.MapGateway();
await app.RunAsync();
