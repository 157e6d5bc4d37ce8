using EpicEvents.Bot.Hosting;

var app = BotHost.Build(args);
await app.RunAsync();
public partial class Program;
