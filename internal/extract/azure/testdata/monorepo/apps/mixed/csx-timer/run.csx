public static void Run(TimerInfo myTimer, ILogger log)
{
    log.LogInformation("tick");
}
