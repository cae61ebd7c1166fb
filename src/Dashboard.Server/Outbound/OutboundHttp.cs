namespace Dashboard.Server.Outbound;

/// <summary>The one HttpClient for requests made on a client's behalf: no proxy, every connection through <see cref="OutboundHostPolicy"/>.</summary>
public static class OutboundHttp
{
    public const string ClientName = "outbound";

    public static IHttpClientBuilder AddOutboundHttpClient(this IServiceCollection services) =>
        services.AddHttpClient(ClientName, c =>
            {
                c.Timeout = Timeout.InfiniteTimeSpan; // each caller sets its own limit
                c.DefaultRequestHeaders.UserAgent.ParseAdd("CustomModelsDashboard/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                UseProxy = false,
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = 5,
                ConnectCallback = sp.GetRequiredService<OutboundHostPolicy>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });

    /// <summary>The policy's refusal, wherever HttpClient wrapped it.</summary>
    public static OutboundRefusedException? RefusalIn(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is OutboundRefusedException refused) return refused;
        }
        return null;
    }
}
