using Collaboration.Bot;

var app = BotHost.Build(args);
await BotHost.PrepareAsync(app);
await app.RunAsync();
