namespace Dashboard.Server.Evaluation;

public static class EvaluationExtensions
{
    /// <summary>The test-set evaluation of a model's version, read by the API and the dashboard.</summary>
    public static WebApplicationBuilder AddEvaluation(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EvaluationService>();
        return builder;
    }
}
