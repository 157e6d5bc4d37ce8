using EpicEvents.Bench.Outbox;

// The outbox benchmark: N notifications to N recipients of one tenant, delivered by the published
// bot to a loopback connector that enforces Teams' per-tenant rate and injects 429s and 502s.
//   dotnet EpicEvents.Bench.Outbox.dll --admin <Npgsql admin connection string> --bot <EpicEvents.Bot.dll>
//       [--notifications 1000] [--limit 30] [--faults 0.2] [--seed 1] [--label text] [-- bot arguments…]
var options = BenchOptions.Parse(args);
var result = await OutboxRun.RunAsync(options);
Console.WriteLine(result.Describe(options));
return result.AllDeliveredOnce ? 0 : 1;
